using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tenancy.Local.Emulator.Processes;

/// <summary>
/// A server the local cloud runs as a child process (DynamoDB Local, the tenant API): started with its output kept
/// (bounded) for diagnostics, polled until its readiness probe answers, and killed with its whole tree on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int MaxKeptLines = 200_000;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public int ProcessId => _process.Id;

    /// <summary>Every line the process wrote to stdout/stderr so far.</summary>
    public IReadOnlyList<string> OutputLines => _output.ToArray();

    /// <summary>
    /// Starts <paramref name="startInfo"/> (its output is redirected here) and returns once <paramref name="isReady"/>
    /// answers true. If the process exits or <paramref name="timeout"/> passes first, it is stopped and an
    /// <see cref="InvalidOperationException"/> carries the last lines it wrote.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        ProcessStartInfo startInfo,
        string description,
        Func<HttpClient, CancellationToken, Task<bool>> isReady,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        ArgumentNullException.ThrowIfNull(isReady);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {description}.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilReadyAsync(isReady, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"{description} did not become ready: {ex.Message}\n{string.Join('\n', server.OutputLines.TakeLast(60))}", ex);
        }

        return server;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > MaxKeptLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync(Func<HttpClient, CancellationToken, Task<bool>> isReady, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the process exited with code {_process.ExitCode}.");
            }

            try
            {
                if (await isReady(http, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe's own timeout: the process is still starting.
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"no answer within {timeout.TotalSeconds:0} s");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
