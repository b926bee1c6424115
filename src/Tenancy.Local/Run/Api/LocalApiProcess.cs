using System.Diagnostics;
using Tenancy.Local.Emulator.Processes;

namespace Tenancy.Local.Run.Api;

/// <summary>
/// The tenant API running as its own process on a loopback port, configured only through environment variables,
/// exactly as Lambda or a container would run it. Keeps its output for diagnostics; disposing stops it.
/// </summary>
public sealed class LocalApiProcess : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private LocalApiProcess(ServerProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.ProcessId;

    /// <summary>Every line the API wrote to stdout/stderr so far (its structured logs and EMF documents).</summary>
    public IReadOnlyList<string> OutputLines => _process.OutputLines;

    public static async Task<LocalApiProcess> StartAsync(LocalApiLaunch launch, IReadOnlyDictionary<string, string> environment, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(environment);
        if (port == 0)
        {
            port = LoopbackPorts.Free();
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var startInfo = new ProcessStartInfo(launch.FileName)
        {
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

        var health = new Uri(baseAddress, "/health");
        var process = await ServerProcess.StartAsync(
            startInfo,
            $"The API ({launch.Description}) on {baseAddress}",
            async (http, ct) =>
            {
                using var response = await http.GetAsync(health, ct).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(60),
            cancellationToken).ConfigureAwait(false);
        return new LocalApiProcess(process, baseAddress);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
