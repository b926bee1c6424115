using Microsoft.Extensions.Logging;

namespace Tenancy.Lambda.Runtime;

/// <summary>
/// Runs a program's start-up and, when it fails before the first <c>next</c> call, reports the failure to
/// <c>/runtime/init/error</c> so Lambda shows the reason on the first invoke, then returns exit code 1.
/// </summary>
public static class LambdaInitErrorReporter
{
    /// <summary>The error type sent for init failures (Lambda's recommended <c>category.reason</c> format).</summary>
    public const string InitErrorType = "Runtime.InitError";

    /// <summary>Runs <paramref name="program"/>; outside Lambda, exceptions propagate unchanged.</summary>
    /// <returns>0 when the program ends normally, 1 after a reported init failure.</returns>
    public static async Task<int> RunAsync(Func<Task> program, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        try
        {
            await program().ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (LambdaEnvironment.RuntimeApiAddress is not null && !LambdaRuntimeLoop.HasPolled)
        {
            await ReportAsync(LambdaEnvironment.RuntimeApiAddress, exception, logger).ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Posts <paramref name="exception"/> to the init-error endpoint of <paramref name="runtimeApiAddress"/>.</summary>
    public static async Task ReportAsync(string runtimeApiAddress, Exception exception, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        RuntimeLog.InitFailed(logger ?? StandardErrorLogger.Instance, exception);
        using var client = new RuntimeApiClient(runtimeApiAddress, LambdaFunctionSettings.FromEnvironment());
        await client.SendInitErrorAsync(LambdaErrorPayload.FromException(exception, InitErrorType), CancellationToken.None).ConfigureAwait(false);
    }
}
