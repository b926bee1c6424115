using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Tenancy.Local.Functions;

/// <summary>
/// One execution environment: a function's <c>bootstrap</c> process and its own Runtime API. Init runs until the
/// first <c>GET next</c>; invocations then reuse the warm process one at a time. A timeout kills the process (as
/// Lambda does), and so does any failure: a dead environment is never reused.
/// </summary>
public sealed class FunctionEnvironment : IAsyncDisposable
{
    private readonly TemplateFunction _function;
    private readonly LocalRuntimeApi _runtimeApi;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly Action<string, string>? _logSink;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan? _pendingInitDuration;

    private FunctionEnvironment(TemplateFunction function, LocalRuntimeApi runtimeApi, Process process, Action<string, string>? logSink)
    {
        _function = function;
        _runtimeApi = runtimeApi;
        _process = process;
        _logSink = logSink;
    }

    /// <summary>False once the process died, timed out or failed: the pool then discards the environment.</summary>
    public bool IsUsable { get; private set; } = true;

    /// <summary>Starts the bootstrap and waits for init to end; an init failure is returned as the error Lambda reports.</summary>
    public static async Task<(FunctionEnvironment Environment, LocalInvocationResult? InitFailure)> StartAsync(
        TemplateFunction function,
        string bootstrapPath,
        IReadOnlyDictionary<string, string> environment,
        Action<string, string>? logSink,
        CancellationToken cancellationToken)
    {
        var runtimeApi = await LocalRuntimeApi.StartAsync(cancellationToken).ConfigureAwait(false);
        var startInfo = new ProcessStartInfo(bootstrapPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(bootstrapPath)!,
        };
        // The function sees only what Lambda would give it: nothing of the developer's own AWS or app settings.
        foreach (var inherited in startInfo.Environment.Keys.Where(IsDeveloperSetting).ToList())
        {
            startInfo.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.Address;
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var started = new FunctionEnvironment(function, runtimeApi, process, logSink);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.Exited += (_, _) => started._exited.TrySetResult();
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var failure = await started.WaitForInitAsync(cancellationToken).ConfigureAwait(false);
        started._pendingInitDuration = watch.Elapsed;
        return (started, failure);
    }

    /// <summary>Runs one invocation in this (warm) environment.</summary>
    public async Task<LocalInvocationReport> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        var timeout = TimeSpan.FromSeconds(_function.TimeoutSeconds);
        var initDuration = _pendingInitDuration;
        _pendingInitDuration = null;
        DrainLogs();
        var invocation = new PendingInvocation(requestId, payload, DateTimeOffset.UtcNow + timeout, _function.FunctionArn);
        var watch = Stopwatch.StartNew();
        await _runtimeApi.OfferAsync(invocation, cancellationToken).ConfigureAwait(false);

        LocalInvocationResult result;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var finished = await Task.WhenAny(invocation.Answer.Task, _exited.Task, Task.Delay(Timeout.Infinite, timer.Token)).ConfigureAwait(false);
        var duration = watch.Elapsed;
        var memory = PeakResidentMb();
        if (finished == invocation.Answer.Task)
        {
            var answer = await invocation.Answer.Task.ConfigureAwait(false);
            result = answer.IsError ? ErrorResult(answer) : new LocalInvocationResult(answer.Body, null);
        }
        else if (finished == _exited.Task)
        {
            IsUsable = false;
            result = Failure("Runtime.ExitError", $"RequestId: {requestId} Error: Runtime exited with error: exit status {_process.ExitCode}");
        }
        else
        {
            IsUsable = false;
            Kill();
            cancellationToken.ThrowIfCancellationRequested();
            duration = timeout;
            result = Failure("Sandbox.Timedout", string.Create(CultureInfo.InvariantCulture, $"RequestId: {requestId} Error: Task timed out after {_function.TimeoutSeconds:0.00} seconds"));
        }

        return new LocalInvocationReport(_function.LogicalId, requestId, result, DrainLogs(), initDuration, duration, _function.MemorySizeMb, memory);
    }

    /// <summary>Log lines written since the last invocation started (init logs for a cold start).</summary>
    private List<string> DrainLogs()
    {
        var lines = new List<string>();
        while (_logs.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Init logs of an environment whose init failed, read once the process has ended and its output is drained.</summary>
    public async Task<IReadOnlyList<string>> InitLogsAsync()
    {
        await StopAsync().ConfigureAwait(false);
        return DrainLogs();
    }

    /// <summary>Stops the process the way Lambda shuts an environment down (SIGTERM, then kill) and waits for its output.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
        await _runtimeApi.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StopAsync()
    {
        IsUsable = false;
        try
        {
            if (!_process.HasExited)
            {
                using (Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                }

                // Lambda gives extensions up to 2 s after SIGTERM; then the sandbox is gone.
                await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
                Kill();
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    private async Task<LocalInvocationResult?> WaitForInitAsync(CancellationToken cancellationToken)
    {
        // Lambda allows 10 s of init for on-demand functions (then retries init within the invoke's timeout).
        var initTimeout = TimeSpan.FromSeconds(Math.Max(10, _function.TimeoutSeconds));
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(initTimeout);
        var finished = await Task.WhenAny(_runtimeApi.FirstNext, _runtimeApi.InitError, _exited.Task, Task.Delay(Timeout.Infinite, timer.Token)).ConfigureAwait(false);
        if (finished == _runtimeApi.FirstNext)
        {
            return null;
        }

        IsUsable = false;
        cancellationToken.ThrowIfCancellationRequested();
        if (finished == _runtimeApi.InitError)
        {
            var initError = await _runtimeApi.InitError.ConfigureAwait(false);
            await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
            return ErrorResult(initError);
        }

        if (finished == _exited.Task)
        {
            return Failure("Runtime.ExitError", $"RequestId: {Guid.NewGuid()} Error: Runtime exited with error: exit status {_process.ExitCode}");
        }

        Kill();
        return Failure("Sandbox.Timedout", string.Create(CultureInfo.InvariantCulture, $"Init timed out after {initTimeout.TotalSeconds:0.00} seconds"));
    }

    // The body is passed on as the runtime wrote it; the type comes from it, else from the header, as Lambda does.
    private static LocalInvocationResult ErrorResult(RuntimeApiAnswer answer)
    {
        var type = LambdaErrorJson.ErrorTypeOf(answer.Body) ?? answer.ErrorTypeHeader ?? "Unhandled";
        var body = answer.Body.Length > 0 && LambdaErrorJson.ErrorTypeOf(answer.Body) is not null
            ? answer.Body
            : LambdaErrorJson.Create(type, "The runtime reported an error without a readable error payload.");
        return new LocalInvocationResult(body, type);
    }

    private static LocalInvocationResult Failure(string type, string message) => new(LambdaErrorJson.Create(type, message), type);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _logs.Enqueue(line);
        _logSink?.Invoke(_function.LogicalId, line);
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    // VmHWM: the process's peak resident set, what Lambda's "Max Memory Used" reports for the sandbox.
    private long PeakResidentMb()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kib = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return (kib + 1023) / 1024;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The process is gone (timed out or exited): no figure.
        }

        return 0;
    }

    private static bool IsDeveloperSetting(string name) =>
        name.StartsWith("AWS_", StringComparison.Ordinal)
        || name.StartsWith("TENANCY_", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name.StartsWith("DOTNET_", StringComparison.Ordinal)
        || name is "_HANDLER" or "LAMBDA_TASK_ROOT";
}
