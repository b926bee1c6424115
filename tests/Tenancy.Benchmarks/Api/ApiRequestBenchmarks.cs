using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Tenancy.Isolation;
using Tenancy.Local.Emulator;
using Tenancy.Local.Run.Api;
using Tenancy.Testing;

namespace Tenancy.Benchmarks.Api;

/// <summary>
/// Warm request latency through the tenant API over HTTP on loopback: JWT verification, tenant scope (registry,
/// vended credentials and data key all cached), DynamoDB Local behind the local IAM front, decryption of the
/// encrypted attribute, JSON. The API runs as its own process: the published Native-AOT binary when
/// <c>artifacts/api-aot/bootstrap</c> exists, else the JIT build (<c>TENANCY_BENCH_API=dotnet</c> forces JIT).
/// </summary>
[Config(typeof(PercentileConfig))]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ApiRequestBenchmarks
{
    private LocalCloud _cloud = null!;
    private LocalApiProcess _api = null!;
    private HttpClient _http = null!;
    private string _orderPath = null!;
    private string _token = null!;

    [Params("pool-basic", "silo-premium")]
    public string Tenant { get; set; } = "pool-basic";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        var silo = Tenant == "silo-premium";
        var tenant = await _cloud.OnboardTenantAsync(silo ? "bench-silo" : "bench-pool", "Bench", silo ? TenantTier.Premium : TenantTier.Basic, silo ? TenancyModel.Silo : TenancyModel.Pool);
        _token = _cloud.Issuer.SignIn(tenant.Username, tenant.Password)!.Value.AccessToken;

        var aot = Path.Combine(RepositoryFiles.Root, "artifacts", "api-aot", "bootstrap");
        var launch = File.Exists(aot) && Environment.GetEnvironmentVariable("TENANCY_BENCH_API") != "dotnet"
            ? LocalApiLaunch.NativeBinary(aot)
            : LocalApiLaunch.FromRepositoryBuild();
        Console.WriteLine($"// API under test: {launch.Description}");
        _api = await LocalApiProcess.StartAsync(launch, LocalApiEnvironment.For(_cloud));
        _http = new HttpClient { BaseAddress = _api.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);

        for (var i = 0; i < 25; i++)
        {
            using var created = await _http.PostAsJsonAsync("/orders", new
            {
                customerName = $"Bench {i}",
                customerEmail = $"bench{i}@example.com",
                lines = new[] { new { sku = "SKU-1", quantity = 2, unitPrice = 9.99m } },
            });
            created.EnsureSuccessStatusCode();
            _orderPath ??= "/orders/" + JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        }
    }

    [Benchmark(Description = "GET /orders/{id}")]
    public async Task<int> GetOrder()
    {
        using var response = await _http.GetAsync(new Uri(_orderPath, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? body.Length : throw new InvalidOperationException($"{(int)response.StatusCode}");
    }

    [Benchmark(Description = "GET /orders?limit=20")]
    public async Task<int> ListOrders()
    {
        using var response = await _http.GetAsync(new Uri("/orders?limit=20", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? body.Length : throw new InvalidOperationException($"{(int)response.StatusCode}");
    }

    [Benchmark(Baseline = true, Description = "GET /health (no tenant)")]
    public async Task<int> Health()
    {
        using var response = await _http.GetAsync(new Uri("/health", UriKind.Relative));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        Console.WriteLine($"// STS AssumeRole calls: {_cloud.Counters.Sts("AssumeRole")}, KMS GenerateDataKey: {_cloud.Counters.Kms("GenerateDataKey")}, KMS Decrypt: {_cloud.Counters.Kms("Decrypt")}");
        _http.Dispose();
        await _api.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
