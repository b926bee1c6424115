using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Processes;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Executes a real <c>.asl.json</c> in aws-local-stepfunctions (a Node child process) and answers every Task state
/// it reaches through <see cref="IStateMachineTaskDispatcher"/> over an internal loopback endpoint, so Retry, Catch,
/// Choice and Map run in the interpreter while the work happens in the local cloud.
/// </summary>
public sealed class LocalStateMachineRunner
{
    private readonly StepFunctionsToolsInstallation _tools;
    private readonly IStateMachineTaskDispatcher _dispatcher;

    public LocalStateMachineRunner(StepFunctionsToolsInstallation tools, IStateMachineTaskDispatcher dispatcher)
    {
        _tools = tools;
        _dispatcher = dispatcher;
    }

    public async Task<StateMachineExecutionResult> RunAsync(
        string stateMachineName,
        string definition,
        JsonNode input,
        string executionName,
        StateMachineRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new StateMachineRunOptions();
        var port = LoopbackPorts.Free();
        var prefix = $"http://127.0.0.1:{port}/tasks/{Guid.NewGuid():N}/";
        using var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        listener.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = ServeAsync(listener, stop.Token);

        var requestFile = Path.Combine(Path.GetTempPath(), $"tenancy-sfn-{Guid.NewGuid():N}.json");
        try
        {
            var request = new JsonObject
            {
                ["definition"] = JsonNode.Parse(definition),
                ["input"] = input.DeepClone(),
                ["callbackUrl"] = prefix,
                ["executionName"] = executionName,
                ["executionArn"] = $"arn:aws:states:{LocalAccount.Region}:{LocalAccount.Id}:execution:{stateMachineName}:{executionName}",
                ["waitMilliseconds"] = options.WaitMilliseconds,
                ["retryMilliseconds"] = options.RetryMilliseconds,
            };
            await File.WriteAllTextAsync(requestFile, request.ToJsonString(), cancellationToken).ConfigureAwait(false);
            var stdout = await RunNodeAsync(requestFile, cancellationToken).ConfigureAwait(false);
            return Parse(stdout);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            listener.Stop();
            await serving.ConfigureAwait(false);
            File.Delete(requestFile);
        }
    }

    private async Task ServeAsync(HttpListener listener, CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                break;
            }

            inFlight.Add(AnswerAsync(context, cancellationToken));
        }

        try
        {
            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            // The execution is over; a half-answered task no longer matters.
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        JsonObject answer;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.InputStream, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException("Empty task request.");
            var request = new StateMachineTaskRequest(
                body["executionName"]?.GetValue<string>() ?? string.Empty,
                body["stateName"]?.GetValue<string>() ?? string.Empty,
                body["resource"]?.GetValue<string>() ?? string.Empty,
                body["input"]?.DeepClone());
            var outcome = await _dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
            answer = outcome.Succeeded
                ? new JsonObject { ["ok"] = true, ["result"] = outcome.Result?.DeepClone() }
                : new JsonObject { ["ok"] = false, ["error"] = outcome.Error, ["cause"] = outcome.Cause };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect in a local handler surfaces as the task failure AWS would report, not as a hung execution.
            answer = new JsonObject { ["ok"] = false, ["error"] = "States.TaskFailed", ["cause"] = $"{e.GetType().Name}: {e.Message}" };
        }

        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        context.Response.Close();
    }

    private async Task<string> RunNodeAsync(string requestFile, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = _tools.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(_tools.RunnerPath);
        startInfo.ArgumentList.Add(requestFile);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode == 0 && stdout.Length > 0
            ? stdout
            : throw new InvalidOperationException($"The state machine runner exited {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
    }

    private static StateMachineExecutionResult Parse(string stdout)
    {
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var result = JsonNode.Parse(line)!.AsObject();
        return new StateMachineExecutionResult(
            result["status"]!.GetValue<string>(),
            result["output"]?.DeepClone(),
            result["error"]?.GetValue<string>(),
            result["cause"]?.ToString(),
            result["events"]?.DeepClone().AsArray() ?? []);
    }
}
