using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tenancy.Local.DynamoDb;

/// <summary>
/// A running Amazon DynamoDB Local (in memory, shared database across access keys, telemetry off) on a loopback port.
/// Disposing stops the Java process and everything it started.
/// </summary>
public sealed class DynamoDbLocalServer : IAsyncDisposable
{
    private readonly Process _process;

    private DynamoDbLocalServer(Process process, int port)
    {
        _process = process;
        Port = port;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    /// <summary>The endpoint to give the SDK (<c>ServiceURL</c> or <c>AWS_ENDPOINT_URL_DYNAMODB</c>).</summary>
    public Uri Endpoint { get; }

    public static async Task<DynamoDbLocalServer> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var installation = await DynamoDbLocalInstallation.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        if (port == 0)
        {
            port = FreeLoopbackPort();
        }

        var startInfo = new ProcessStartInfo("java")
        {
            WorkingDirectory = Path.GetDirectoryName(installation.JarPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-Xmx512m", $"-Djava.library.path={installation.LibraryPath}", "-jar", installation.JarPath,
                     "-inMemory", "-sharedDb", "-disableTelemetry", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start java for DynamoDB Local.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new DynamoDbLocalServer(process, port);
        try
        {
            // The JVM can take minutes to start when many test processes share two cores: wait generously.
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(240), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            string log;
            lock (output)
            {
                log = output.ToString();
            }

            throw new InvalidOperationException($"DynamoDB Local did not become ready on port {port}: {ex.Message}\n{log}", ex);
        }

        return server;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"java exited with code {_process.ExitCode}.");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
                {
                    Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
                };
                request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.ListTables");
                request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest)
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

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"no answer within {timeout.TotalSeconds:0} s");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
