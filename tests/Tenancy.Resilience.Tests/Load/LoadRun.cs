using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Tenancy.Isolation;
using Tenancy.Local.Run.Api;
using Tenancy.Resilience.Tests.Infrastructure;

namespace Tenancy.Resilience.Tests.Load;

/// <summary>
/// Many tenants using the API at once through the local run (loopback only): first the cold path (the fresh process's
/// first tenant request, then each tenant's first request), then a timed phase where every client loops over random
/// tenants creating orders (25 %), reading one of the tenant's own orders (50 %), listing (15 %) and probing another
/// tenant's order id (10 %, must be 404). Every returned order is checked for its owner; afterwards every acknowledged
/// write must be listed by its tenant. RSS and handle count of the API process are sampled throughout.
/// </summary>
public sealed class LoadRun
{
    private const int ErrorSampleLimit = 10;
    private readonly LocalRunFixture _fixture;
    private readonly LocalApiProcess _api;
    private readonly IReadOnlyList<LoadTenant> _tenants;
    private readonly LoadSettings _settings;
    private readonly List<string>[] _acknowledged;
    private readonly ConcurrentQueue<string> _errorSamples = new();
    private long _errors;
    private long _crossTenant;
    private long _probes;
    private long _sequence;

    private LoadRun(LocalRunFixture fixture, LocalApiProcess api, IReadOnlyList<LoadTenant> tenants, LoadSettings settings)
    {
        _fixture = fixture;
        _api = api;
        _tenants = tenants;
        _settings = settings;
        _acknowledged = tenants.Select(_ => new List<string>()).ToArray();
    }

    /// <summary>Onboards the tenants, starts a fresh API process and runs the profile.</summary>
    public static async Task<LoadReport> RunAsync(LocalRunFixture fixture, LoadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(settings);
        var tenants = new List<LoadTenant>();
        for (var i = 0; i < settings.Tenants; i++)
        {
            var silo = i % settings.SiloEvery == settings.SiloEvery - 1;
            tenants.Add(await fixture.OnboardFreshAsync("load", silo ? TenantTier.Premium : TenantTier.Basic, silo ? TenancyModel.Silo : TenancyModel.Pool));
        }

        await using var api = await fixture.StartApiAsync();
        return await new LoadRun(fixture, api, tenants, settings).RunAsync();
    }

    private async Task<LoadReport> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = _settings.Workers, UseProxy = false })
        {
            BaseAddress = _api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

        // Cold path: the process's first tenant request, then every other tenant's first request (process warm).
        var coldProcess = await CreateAsync(http, 0);
        var coldTenants = new List<double>();
        for (var t = 1; t < _tenants.Count; t++)
        {
            coldTenants.Add(await CreateAsync(http, t));
        }

        var assumeRoleBefore = _tenants.Sum(t => _fixture.Cloud.Counters.Sts("AssumeRole", t.Id));
        var samples = new List<ProcessSample>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(_settings.Duration);
        var sampler = SampleAsync(samples, clock, stop.Token);
        var workers = Enumerable.Range(0, _settings.Workers).Select(w => Task.Run(() => WorkAsync(http, w, stop.Token))).ToArray();
        var latencies = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        await sampler;
        samples.Add(ProcessSample.Read(_api.ProcessId, clock.Elapsed) ?? samples.LastOrDefault() ?? new ProcessSample(clock.Elapsed, 0, 0));
        var assumeRoleAfter = _tenants.Sum(t => _fixture.Cloud.Counters.Sts("AssumeRole", t.Id));

        // Every acknowledged write must be listed by its tenant, exactly once.
        long lost = 0, unacknowledged = 0, acknowledged = 0;
        for (var t = 0; t < _tenants.Count; t++)
        {
            var listed = await http.ListAllIdsAsync(_tenants[t]);
            var listedSet = listed.ToHashSet(StringComparer.Ordinal);
            acknowledged += _acknowledged[t].Count;
            lost += _acknowledged[t].Count(id => !listedSet.Contains(id)) + (listed.Count - listedSet.Count);
            unacknowledged += listedSet.Count(id => !_acknowledged[t].Contains(id));
        }

        return new LoadReport
        {
            Settings = _settings,
            PooledTenants = _tenants.Count(t => t.Onboarded.Placement.Model == TenancyModel.Pool),
            SiloedTenants = _tenants.Count(t => t.Onboarded.Placement.Model == TenancyModel.Silo),
            Elapsed = elapsed,
            Requests = latencies.Sum(l => l.Create.Count + l.Get.Count + l.List.Count + l.Probe.Count),
            Errors = Interlocked.Read(ref _errors),
            ErrorSamples = _errorSamples.ToArray(),
            CrossTenantProbes = Interlocked.Read(ref _probes),
            CrossTenantResults = Interlocked.Read(ref _crossTenant),
            ColdProcessFirstRequest = LatencySummary.Of([coldProcess]),
            ColdTenantFirstRequest = LatencySummary.Of(coldTenants),
            WarmCreate = LatencySummary.Of(latencies.SelectMany(l => l.Create)),
            WarmGet = LatencySummary.Of(latencies.SelectMany(l => l.Get)),
            WarmList = LatencySummary.Of(latencies.SelectMany(l => l.List)),
            WarmAll = LatencySummary.Of(latencies.SelectMany(l => l.Create.Concat(l.Get).Concat(l.List).Concat(l.Probe))),
            AcknowledgedWrites = acknowledged,
            LostWrites = lost,
            UnacknowledgedStoredWrites = unacknowledged,
            MaxAssumeRolePerTenant = _tenants.Max(t => _fixture.Cloud.Counters.Sts("AssumeRole", t.Id)),
            AssumeRoleDuringTimedPhase = assumeRoleAfter - assumeRoleBefore,
            MaxGenerateDataKeyPerTenant = _tenants.Max(t => _fixture.Cloud.Counters.KmsForTenant("GenerateDataKey", t.Id)),
            Samples = samples,
        };
    }

    private async Task<WorkerLatencies> WorkAsync(HttpClient http, int worker, CancellationToken stop)
    {
        var random = new Random(worker * 7919 + 17);
        var result = new WorkerLatencies();
        while (!stop.IsCancellationRequested)
        {
            var t = random.Next(_tenants.Count);
            var roll = random.Next(100);
            try
            {
                if (roll < 25)
                {
                    result.Create.Add(await CreateAsync(http, t));
                }
                else if (roll < 75)
                {
                    result.Get.Add(await GetOwnAsync(http, t, random));
                }
                else if (roll < 90)
                {
                    result.List.Add(await ListAsync(http, t));
                }
                else
                {
                    result.Probe.Add(await ProbeOtherAsync(http, t, random));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
            {
                Fail($"{_tenants[t]}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return result;
    }

    private async Task<double> CreateAsync(HttpClient http, int t)
    {
        var tenant = _tenants[t];
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(HttpMethod.Post, "/orders", tenant.AccessToken, TenantHttp.OrderFor(tenant, Interlocked.Increment(ref _sequence)));
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Fail($"{tenant} POST /orders → {(int)response.StatusCode} {body}");
            return elapsed;
        }

        var order = JsonNode.Parse(body)!;
        CheckOwner(order, tenant);
        lock (_acknowledged[t])
        {
            _acknowledged[t].Add(order["id"]!.GetValue<string>());
        }

        return elapsed;
    }

    private async Task<double> GetOwnAsync(HttpClient http, int t, Random random)
    {
        var tenant = _tenants[t];
        var id = PickId(t, random);
        if (id is null)
        {
            return await CreateAsync(http, t);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(HttpMethod.Get, $"/orders/{id}", tenant.AccessToken);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Fail($"{tenant} GET /orders/{id} → {(int)response.StatusCode} {body}");
        }
        else
        {
            CheckOwner(JsonNode.Parse(body)!, tenant);
        }

        return elapsed;
    }

    private async Task<double> ListAsync(HttpClient http, int t)
    {
        var tenant = _tenants[t];
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(HttpMethod.Get, "/orders?limit=20", tenant.AccessToken);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Fail($"{tenant} GET /orders → {(int)response.StatusCode} {body}");
        }
        else
        {
            foreach (var item in JsonNode.Parse(body)!["items"]!.AsArray())
            {
                CheckOwner(item!, tenant);
            }
        }

        return elapsed;
    }

    private async Task<double> ProbeOtherAsync(HttpClient http, int t, Random random)
    {
        var tenant = _tenants[t];
        var other = (t + 1 + random.Next(_tenants.Count - 1)) % _tenants.Count;
        var id = PickId(other, random);
        if (id is null || other == t)
        {
            return await ListAsync(http, t);
        }

        Interlocked.Increment(ref _probes);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(HttpMethod.Get, $"/orders/{id}", tenant.AccessToken);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Interlocked.Increment(ref _crossTenant);
            Fail($"{tenant} read {_tenants[other]}'s order {id}: {body}");
        }
        else if (response.StatusCode != HttpStatusCode.NotFound)
        {
            Fail($"{tenant} probe GET /orders/{id} → {(int)response.StatusCode} {body}");
        }

        return elapsed;
    }

    private string? PickId(int t, Random random)
    {
        lock (_acknowledged[t])
        {
            var ids = _acknowledged[t];
            return ids.Count == 0 ? null : ids[random.Next(ids.Count)];
        }
    }

    private void CheckOwner(JsonNode order, LoadTenant tenant)
    {
        if (!TenantHttp.BelongsTo(order, tenant))
        {
            Interlocked.Increment(ref _crossTenant);
            Fail($"{tenant} received an order that is not its own: {order.ToJsonString()}");
        }
    }

    private void Fail(string description)
    {
        Interlocked.Increment(ref _errors);
        if (_errorSamples.Count < ErrorSampleLimit)
        {
            _errorSamples.Enqueue(description.Length > 400 ? description[..400] : description);
        }
    }

    private async Task SampleAsync(List<ProcessSample> samples, Stopwatch clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_settings.SampleEvery);
        do
        {
            if (ProcessSample.Read(_api.ProcessId, clock.Elapsed) is { } sample)
            {
                samples.Add(sample);
            }
        }
        while (await WaitAsync(timer, stop));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed class WorkerLatencies
    {
        public List<double> Create { get; } = [];

        public List<double> Get { get; } = [];

        public List<double> List { get; } = [];

        public List<double> Probe { get; } = [];
    }
}
