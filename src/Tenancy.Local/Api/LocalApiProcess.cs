using System.Collections.Concurrent;
using System.Diagnostics;
using Tenancy.Local.DynamoDb;

namespace Tenancy.Local.Api;

/// <summary>
/// The tenant API running as its own process on a loopback port, configured only through environment variables,
/// exactly as Lambda or a container would run it. Keeps its output for diagnostics; disposing stops it.
/// </summary>
public sealed class LocalApiProcess : IAsyncDisposable
{
    private const int MaxKeptLines = 200_000;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Every line the API wrote to stdout/stderr so far (its structured logs and EMF documents).</summary>
    public IReadOnlyList<string> OutputLines => _output.ToArray();

    public static async Task<LocalApiProcess> StartAsync(LocalApiLaunch launch, IReadOnlyDictionary<string, string> environment, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(environment);
        if (port == 0)
        {
            port = DynamoDbLocalServer.FreeLoopbackPort();
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var startInfo = new ProcessStartInfo(launch.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in launch.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Nothing from the developer's own AWS set-up may leak into the API: it sees only the local cloud.
        foreach (var inherited in startInfo.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("TENANCY_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(inherited);
        }

        startInfo.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        startInfo.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        startInfo.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        startInfo.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start the API ({launch.Description}).");
        var api = new LocalApiProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await api.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await api.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The API ({launch.Description}) did not become healthy on {baseAddress}: {ex.Message}\n{string.Join('\n', api.OutputLines.TakeLast(60))}", ex);
        }

        return api;
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

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the API exited with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/health"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"no healthy answer within {timeout.TotalSeconds:0} s");
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
        }

        _process.Dispose();
    }
}
