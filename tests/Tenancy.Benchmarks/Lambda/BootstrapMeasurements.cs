using System.Diagnostics;
using System.Globalization;
using Tenancy.Testing;
using Tenancy.Testing.Events;
using Tenancy.Testing.Lambda;

namespace Tenancy.Benchmarks.Lambda;

/// <summary>
/// Measures the published Native-AOT bootstraps against the in-test Runtime API: init time (process start → first
/// <c>GET next</c>, median of N cold starts) of the API sample versus the bare loop, binary sizes, and VmRSS of the API
/// sample after 10,000 REST API invocations. Publish first:
/// <c>dotnet publish samples/Tenancy.Lambda.Sample -c Release -r linux-x64 -o artifacts/lambda/sample</c> and
/// <c>dotnet publish samples/Tenancy.Lambda.BareBootstrap -c Release -r linux-x64 -o artifacts/lambda/bare</c>.
/// </summary>
internal static class BootstrapMeasurements
{
    private const string RestEvent = "api/rest-v1/rest-v1-proxy_cognito-userpool-authorizer-claims_stage-Prod__aws-lambda-dotnet.json";

    public static async Task<int> RunAsync(string[] args)
    {
        var root = RepositoryFiles.Root;
        var sample = args.Length > 0 ? args[0] : Path.Combine(root, "artifacts", "lambda", "sample", "bootstrap");
        var bare = args.Length > 1 ? args[1] : Path.Combine(root, "artifacts", "lambda", "bare", "bootstrap");
        var coldStarts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var invocations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;

        Console.WriteLine($"binary size: sample {Megabytes(sample)} MB, bare {Megabytes(bare)} MB");

        // Interleaved so machine noise hits both alike.
        var sampleInits = new List<(double Wall, double Cpu)>();
        var bareInits = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < coldStarts; i++)
        {
            sampleInits.Add(await InitAsync(sample));
            bareInits.Add(await InitAsync(bare));
        }

        Report("wall clock", sampleInits.Select(i => i.Wall).ToList(), bareInits.Select(i => i.Wall).ToList(), coldStarts);
        Report("CPU time (user+sys, 10 ms ticks)", sampleInits.Select(i => i.Cpu).ToList(), bareInits.Select(i => i.Cpu).ToList(), coldStarts);

        var (rssKiB, perInvocation) = await ResidentAfterAsync(sample, invocations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"VmRSS after {invocations} invocations: {rssKiB / 1024.0:F1} MB; mean round trip through the fake Runtime API {perInvocation:F3} ms"));
        return 0;
    }

    private static void Report(string what, List<double> sample, List<double> bare, int coldStarts)
    {
        var sampleMedian = Median(sample);
        var bareMedian = Median(bare);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"init {what} (start → first next), median of {coldStarts}: sample {sampleMedian:F1} ms (min {sample.Min():F1}, max {sample.Max():F1}); bare {bareMedian:F1} ms (min {bare.Min():F1}, max {bare.Max():F1}); ratio {sampleMedian / Math.Max(bareMedian, 1):F2}x"));
    }

    // The process is parked in its first GET next when it is read, so its CPU time is exactly the init's.
    private static async Task<(double Wall, double Cpu)> InitAsync(string bootstrap)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var start = Stopwatch.GetTimestamp();
        await using var process = BootstrapProcess.Start(bootstrap, api.Address);
        await api.FirstNextCall.WaitAsync(TimeSpan.FromSeconds(30));
        var elapsed = Stopwatch.GetElapsedTime(start, api.FirstNextTimestamp).TotalMilliseconds;
        await Task.Delay(200);
        var cpu = process.CpuMilliseconds();
        process.Terminate();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        return (elapsed, cpu);
    }

    private static async Task<(long RssKiB, double MillisecondsPerInvocation)> ResidentAfterAsync(string bootstrap, int invocations)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var process = BootstrapProcess.Start(bootstrap, api.Address);
        var payloads = Enumerable.Range(0, 16)
            .Select(i => SampleEvents.Modified(RestEvent, e => e["pathParameters"]!["proxy"] = $"hello/user{i}"))
            .ToArray();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < invocations; i++)
        {
            var call = await api.Enqueue(payloads[i % payloads.Length]);
            if (call.Kind != "response")
            {
                throw new InvalidOperationException($"Invocation {i} failed: {call.BodyText}");
            }
        }

        var perInvocation = watch.Elapsed.TotalMilliseconds / invocations;
        var rss = process.ResidentKiB();
        process.Terminate();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        return (rss, perInvocation);
    }

    private static string Megabytes(string path) =>
        (new FileInfo(path).Length / (1024.0 * 1024.0)).ToString("F2", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
