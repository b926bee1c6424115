using System.Globalization;
using System.Text;

namespace Tenancy.Resilience.Tests.Load;

/// <summary>What a load run measured and found; <see cref="ToMarkdown"/> is what goes into docs/benchmarks.md.</summary>
public sealed record LoadReport
{
    public required LoadSettings Settings { get; init; }

    public required int PooledTenants { get; init; }

    public required int SiloedTenants { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required long Requests { get; init; }

    public required long Errors { get; init; }

    public required IReadOnlyList<string> ErrorSamples { get; init; }

    public required long CrossTenantProbes { get; init; }

    public required long CrossTenantResults { get; init; }

    public required LatencySummary ColdProcessFirstRequest { get; init; }

    public required LatencySummary ColdTenantFirstRequest { get; init; }

    public required LatencySummary WarmCreate { get; init; }

    public required LatencySummary WarmGet { get; init; }

    public required LatencySummary WarmList { get; init; }

    public required LatencySummary WarmAll { get; init; }

    public required long AcknowledgedWrites { get; init; }

    public required long LostWrites { get; init; }

    public required long UnacknowledgedStoredWrites { get; init; }

    public required long MaxAssumeRolePerTenant { get; init; }

    public required long AssumeRoleDuringTimedPhase { get; init; }

    public required long MaxGenerateDataKeyPerTenant { get; init; }

    public required IReadOnlyList<ProcessSample> Samples { get; init; }

    public double Throughput => Requests / Math.Max(Elapsed.TotalSeconds, 0.001);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        void Line(string s) => text.AppendLine(s);
        var inv = CultureInfo.InvariantCulture;
        Line($"| measure | value |");
        Line("| --- | --- |");
        Line(string.Create(inv, $"| tenants | {PooledTenants + SiloedTenants} ({PooledTenants} pooled, {SiloedTenants} siloed), {Settings.Workers} concurrent clients |"));
        Line(string.Create(inv, $"| timed phase | {Elapsed.TotalSeconds:0} s, {Requests:N0} requests, **{Throughput:0.0} req/s** |"));
        Line(string.Create(inv, $"| errors | **{Errors}** |"));
        Line(string.Create(inv, $"| cross-tenant results | **{CrossTenantResults}** (of {CrossTenantProbes:N0} probes for other tenants' order ids, plus every returned order checked for its owner) |"));
        Line(string.Create(inv, $"| writes acknowledged / lost / stored but unacknowledged | {AcknowledgedWrites:N0} / **{LostWrites}** / {UnacknowledgedStoredWrites} |"));
        Line(string.Create(inv, $"| STS AssumeRole per tenant (max) / during the timed phase | {MaxAssumeRolePerTenant} / {AssumeRoleDuringTimedPhase} |"));
        Line(string.Create(inv, $"| KMS GenerateDataKey per tenant (max, whole run) | {MaxGenerateDataKeyPerTenant} |"));
        Line(string.Create(inv, $"| cold first request of a fresh API process (POST /orders: JWKS, registry, AssumeRole, GenerateDataKey, PutItem) | {ColdProcessFirstRequest.Max:0.0} ms |"));
        Line(string.Create(inv, $"| first request per tenant, warm process (registry, AssumeRole, GenerateDataKey, PutItem) | p50 {ColdTenantFirstRequest.P50:0.0} ms, p95 {ColdTenantFirstRequest.P95:0.0} ms, max {ColdTenantFirstRequest.Max:0.0} ms |"));
        Line(string.Create(inv, $"| warm, all requests | p50 {WarmAll.P50:0.00} ms, p95 {WarmAll.P95:0.00} ms, p99 {WarmAll.P99:0.00} ms, max {WarmAll.Max:0.0} ms |"));
        Line(string.Create(inv, $"| warm POST /orders | p50 {WarmCreate.P50:0.00} / p95 {WarmCreate.P95:0.00} / p99 {WarmCreate.P99:0.00} ms (n={WarmCreate.Count:N0}) |"));
        Line(string.Create(inv, $"| warm GET /orders/{{id}} | p50 {WarmGet.P50:0.00} / p95 {WarmGet.P95:0.00} / p99 {WarmGet.P99:0.00} ms (n={WarmGet.Count:N0}) |"));
        Line(string.Create(inv, $"| warm GET /orders?limit=20 | p50 {WarmList.P50:0.00} / p95 {WarmList.P95:0.00} / p99 {WarmList.P99:0.00} ms (n={WarmList.Count:N0}) |"));
        if (Samples.Count > 0)
        {
            var first = Samples[0];
            var last = Samples[^1];
            Line(string.Create(inv, $"| API VmRSS first / max / last sample | {first.RssKiB / 1024.0:0.0} / {Samples.Max(s => s.RssKiB) / 1024.0:0.0} / {last.RssKiB / 1024.0:0.0} MiB |"));
            Line(string.Create(inv, $"| API open handles first / max / last sample | {first.Handles} / {Samples.Max(s => s.Handles)} / {last.Handles} |"));
            text.AppendLine();
            text.Append("RSS (MiB) / handles over time: ");
            var step = Math.Max(1, Samples.Count / 12);
            text.AppendLine(string.Join(", ", Samples.Where((_, i) => i % step == 0 || i == Samples.Count - 1)
                .Select(s => string.Create(inv, $"{s.Elapsed.TotalSeconds:0}s {s.RssKiB / 1024.0:0.0}/{s.Handles}"))));
        }

        foreach (var sample in ErrorSamples)
        {
            Line($"- error: {sample}");
        }

        return text.ToString();
    }
}
