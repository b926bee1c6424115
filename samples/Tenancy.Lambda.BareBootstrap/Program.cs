using System.Runtime.InteropServices;
using Tenancy.Lambda;
using Tenancy.Lambda.Runtime;

// The invocation loop and nothing else: echoes each event back.
var options = new LambdaRuntimeOptions();
using var stopping = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stopping.Cancel();
});
using var client = new RuntimeApiClient(
    options.RuntimeApiAddress ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set."),
    LambdaFunctionSettings.FromEnvironment());
await new LambdaRuntimeLoop(client, new EchoHandler(), options, StandardErrorLogger.Instance).RunAsync(stopping.Token);

internal sealed class EchoHandler : ILambdaInvocationHandler
{
    public Task<LambdaResponse> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocationContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new LambdaResponse(payload));
}
