using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tenancy.Testing.Lambda;

namespace Tenancy.Benchmarks.Lambda;

/// <summary>
/// Cold starts of the published tenant API <c>bootstrap</c> against the bare runtime loop, alternating, each against a
/// fresh in-test Runtime API: init wall time (exec → first <c>GET next</c>), init CPU time (utime+stime when parked in
/// that call), first-invocation time (a <c>GET /health</c> event queued → its response posted), binary size and VmRSS
/// after N invocations — medians and p90s, and the API's ratios to the bare loop in the same run. The API gets the
/// environment Lambda would give it (settings, dummy credentials); nothing it starts may need the network.
/// <c>dotnet run -c Release --project tests/Tenancy.Benchmarks -- lambda-coldstart &lt;api bootstrap&gt; &lt;bare bootstrap&gt; [cold starts = 20] [invocations = 10000]</c>
/// </summary>
internal static class ColdStartHarness
{
    private static readonly byte[] HealthEvent = Encoding.UTF8.GetBytes("""
        {"resource":"/health","path":"/health","httpMethod":"GET",
         "headers":{"Accept":"application/json","Host":"api.example.test"},
         "multiValueHeaders":{"Accept":["application/json"],"Host":["api.example.test"]},
         "queryStringParameters":null,"multiValueQueryStringParameters":null,"pathParameters":null,"stageVariables":null,
         "requestContext":{"accountId":"123456789012","apiId":"bench","stage":"Prod","path":"/Prod/health","protocol":"HTTP/1.1",
           "requestId":"bench","resourcePath":"/health","identity":{"sourceIp":"127.0.0.1"}},
         "body":null,"isBase64Encoded":false}
        """);

    private static readonly Dictionary<string, string> ApiEnvironment = new()
    {
        ["TENANCY_JWT_ISSUER"] = "https://issuer.example.test",
        ["TENANCY_JWT_AUDIENCE"] = "bench-client",
        ["TENANCY_TENANT_DATA_ROLE_ARN"] = "arn:aws:iam::123456789012:role/TenantDataRole",
        ["TENANCY_REGISTRY_TABLE"] = "TenantRegistry",
        ["AWS_ACCESS_KEY_ID"] = "AKIDBENCH",
        ["AWS_SECRET_ACCESS_KEY"] = "bench-secret",
        ["AWS_SESSION_TOKEN"] = "bench-token",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: lambda-coldstart <api bootstrap> <bare bootstrap> [cold starts = 20] [invocations = 10000]");
            return 2;
        }

        var api = Path.GetFullPath(args[0]);
        var bare = Path.GetFullPath(args[1]);
        var coldStarts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var invocations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;

        var apiStarts = new List<ColdStart>();
        var bareStarts = new List<ColdStart>();
        for (var i = 0; i < coldStarts; i++)
        {
            // Alternating, so machine noise hits both alike.
            apiStarts.Add(await ColdStartAsync(api, ApiEnvironment));
            bareStarts.Add(await ColdStartAsync(bare, null));
        }

        var apiRss = await ResidentAfterAsync(api, ApiEnvironment, invocations);
        var bareRss = await ResidentAfterAsync(bare, null, invocations);

        Console.WriteLine($"{coldStarts} alternating cold starts; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| measure | API | bare loop | API / bare |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Row("binary size (MiB)", Megabytes(api), Megabytes(bare));
        Row("init wall, median (ms)", Median(apiStarts, s => s.InitWall), Median(bareStarts, s => s.InitWall));
        Row("init wall, p90 (ms)", P90(apiStarts, s => s.InitWall), P90(bareStarts, s => s.InitWall));
        Row("init CPU, median (ms, 10 ms ticks)", Median(apiStarts, s => s.InitCpu), Median(bareStarts, s => s.InitCpu));
        Row("init CPU, p90 (ms)", P90(apiStarts, s => s.InitCpu), P90(bareStarts, s => s.InitCpu));
        Row("first invocation, median (ms)", Median(apiStarts, s => s.FirstInvocation), Median(bareStarts, s => s.FirstInvocation));
        Row("first invocation, p90 (ms)", P90(apiStarts, s => s.FirstInvocation), P90(bareStarts, s => s.FirstInvocation));
        Row($"VmRSS after {invocations:N0} invocations (MiB)", apiRss.RssKiB / 1024.0, bareRss.RssKiB / 1024.0);
        Row("warm invocation round trip, mean (ms)", apiRss.MillisecondsPerInvocation, bareRss.MillisecondsPerInvocation);
        return 0;
    }

    private static async Task<ColdStart> ColdStartAsync(string bootstrap, IReadOnlyDictionary<string, string>? environment)
    {
        await using var runtimeApi = await FakeRuntimeApi.StartAsync();
        var start = Stopwatch.GetTimestamp();
        await using var process = BootstrapProcess.Start(bootstrap, runtimeApi.Address, environment);
        await runtimeApi.FirstNextCall.WaitAsync(TimeSpan.FromSeconds(30));
        var initWall = Stopwatch.GetElapsedTime(start, runtimeApi.FirstNextTimestamp).TotalMilliseconds;

        // Parked in its first GET next: the CPU used so far is the init's (a short settle for the tick accounting).
        await Task.Delay(100);
        var initCpu = process.CpuMilliseconds();

        var invoked = Stopwatch.GetTimestamp();
        var answer = await runtimeApi.Enqueue(HealthEvent).WaitAsync(TimeSpan.FromSeconds(30));
        var firstInvocation = Stopwatch.GetElapsedTime(invoked).TotalMilliseconds;
        EnsureAnswered(answer, bootstrap, process, environment is not null);

        process.Terminate();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        return new ColdStart(initWall, initCpu, firstInvocation);
    }

    private static async Task<(long RssKiB, double MillisecondsPerInvocation)> ResidentAfterAsync(string bootstrap, IReadOnlyDictionary<string, string>? environment, int invocations)
    {
        await using var runtimeApi = await FakeRuntimeApi.StartAsync();
        await using var process = BootstrapProcess.Start(bootstrap, runtimeApi.Address, environment);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < invocations; i++)
        {
            EnsureAnswered(await runtimeApi.Enqueue(HealthEvent).WaitAsync(TimeSpan.FromSeconds(30)), bootstrap, process, environment is not null);
        }

        var perInvocation = watch.Elapsed.TotalMilliseconds / invocations;
        var rss = process.ResidentKiB();
        process.Terminate();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        return (rss, perInvocation);
    }

    // The API must answer 200; the bare loop echoes whatever it gets.
    private static void EnsureAnswered(RecordedCall answer, string bootstrap, BootstrapProcess process, bool expectOk)
    {
        if (answer.Kind != "response" || (expectOk && !answer.BodyText.Contains("\"statusCode\":200", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{bootstrap} did not answer the /health event: {answer.Kind} {answer.BodyText}\n{process.Output}");
        }
    }

    private static void Row(string measure, double api, double bare) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {measure} | {api:F2} | {bare:F2} | {api / Math.Max(bare, 0.01):F2}× |"));

    private static double Megabytes(string path) => new FileInfo(path).Length / (1024.0 * 1024.0);

    private static double Median(List<ColdStart> starts, Func<ColdStart, double> measure) => Percentile(starts.Select(measure).ToList(), 0.5);

    private static double P90(List<ColdStart> starts, Func<ColdStart, double> measure) => Percentile(starts.Select(measure).ToList(), 0.9);

    // Nearest-rank on the sorted values, interpolating between neighbours.
    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var position = (sorted.Length - 1) * fraction;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    private readonly record struct ColdStart(double InitWall, double InitCpu, double FirstInvocation);
}
