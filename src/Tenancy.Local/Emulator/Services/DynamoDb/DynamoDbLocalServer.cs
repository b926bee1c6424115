using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Tenancy.Local.Emulator.Processes;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// A running Amazon DynamoDB Local (in memory, or in a data directory so a restart keeps the data; shared database
/// across access keys, telemetry off) on a loopback port. Disposing kills the Java process and everything it started.
/// </summary>
public sealed class DynamoDbLocalServer : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private DynamoDbLocalServer(ServerProcess process, int port)
    {
        _process = process;
        Port = port;
        Endpoint = EndpointFor(port);
    }

    public int Port { get; }

    /// <summary>The endpoint to give the SDK (<c>ServiceURL</c> or <c>AWS_ENDPOINT_URL_DYNAMODB</c>).</summary>
    public Uri Endpoint { get; }

    public static async Task<DynamoDbLocalServer> StartAsync(int port = 0, CancellationToken cancellationToken = default) =>
        await StartAsync(port, dataDirectory: null, cancellationToken).ConfigureAwait(false);

    /// <param name="port">0 picks a free port.</param>
    /// <param name="dataDirectory">Where the database file lives (kept across restarts); null keeps it in memory.</param>
    /// <param name="cancellationToken">Stops waiting for the JVM.</param>
    public static async Task<DynamoDbLocalServer> StartAsync(int port, string? dataDirectory, CancellationToken cancellationToken = default)
    {
        var installation = await DynamoDbLocalInstallation.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        if (port == 0)
        {
            port = LoopbackPorts.Free();
        }

        var startInfo = new ProcessStartInfo("java") { WorkingDirectory = Path.GetDirectoryName(installation.JarPath)! };
        string[] storage = dataDirectory is null ? ["-inMemory"] : ["-dbPath", Directory.CreateDirectory(dataDirectory).FullName];
        foreach (var argument in new[]
                 {
                     "-Xmx512m", $"-Djava.library.path={installation.LibraryPath}", "-jar", installation.JarPath,
                 }.Concat(storage).Concat(["-sharedDb", "-disableTelemetry", "-port", port.ToString(CultureInfo.InvariantCulture)]))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var endpoint = EndpointFor(port);

        // The JVM can take minutes to start when many test processes share two cores: wait generously.
        var process = await ServerProcess.StartAsync(
            startInfo,
            $"DynamoDB Local on port {port}",
            (http, ct) => AnswersListTablesAsync(http, endpoint, ct),
            TimeSpan.FromSeconds(240),
            cancellationToken).ConfigureAwait(false);
        return new DynamoDbLocalServer(process, port);
    }

    private static Uri EndpointFor(int port) => new($"http://127.0.0.1:{port}");

    private static async Task<bool> AnswersListTablesAsync(HttpClient http, Uri endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.ListTables");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
