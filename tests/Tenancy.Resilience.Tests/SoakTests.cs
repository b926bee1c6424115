using Tenancy.Resilience.Tests.Infrastructure;
using Tenancy.Resilience.Tests.Load;
using Xunit.Abstractions;

namespace Tenancy.Resilience.Tests;

/// <summary>
/// The load profile / soak in its short form: 50 tenants (one in five siloed) for 30 s through a fresh API process.
/// The long form is the same test with <c>TENANCY_LOAD_SECONDS=600</c> (see docs/benchmarks.md); set
/// <c>TENANCY_LOAD_REPORT</c> to a file to keep the figures.
/// </summary>
[Collection(LocalRunCollection.Name)]
public sealed class SoakTests
{
    private readonly LocalRunFixture _fixture;
    private readonly ITestOutputHelper _output;

    public SoakTests(LocalRunFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task Fifty_tenants_at_once_make_no_error_no_cross_tenant_result_and_lose_no_write()
    {
        var settings = LoadSettings.FromEnvironment(tenants: 50, duration: TimeSpan.FromSeconds(30), workers: 8);
        var report = await LoadRun.RunAsync(_fixture, settings);
        var markdown = report.ToMarkdown();
        _output.WriteLine(markdown);
        if (Environment.GetEnvironmentVariable("TENANCY_LOAD_REPORT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, markdown);
        }

        Assert.True(report.Errors == 0, markdown);
        Assert.Equal(0, report.CrossTenantResults);
        Assert.True(report.CrossTenantProbes > 0, "the run probed no other tenant's order");
        Assert.True(report.Requests > settings.Tenants, "the timed phase made fewer requests than there are tenants");
        Assert.Equal(0, report.LostWrites);
        Assert.Equal(0, report.UnacknowledgedStoredWrites);

        // Credentials: one AssumeRole per tenant per credential lifetime (1 h by default), none once warm.
        var lifetimes = 1 + (long)(report.Elapsed.TotalMinutes / 55);
        Assert.True(report.MaxAssumeRolePerTenant <= lifetimes, markdown);
        Assert.True(report.AssumeRoleDuringTimedPhase <= (lifetimes - 1) * settings.Tenants, markdown);

        // Data keys: one per tenant per 5-minute window (or 10,000 uses), never one per write.
        var windows = 1 + (long)Math.Ceiling(report.Elapsed.TotalMinutes / 5) + (report.AcknowledgedWrites / 10_000);
        Assert.True(report.MaxGenerateDataKeyPerTenant <= windows, markdown);
        Assert.True(report.AcknowledgedWrites > report.MaxGenerateDataKeyPerTenant * settings.Tenants, markdown);

        // Bounded resources: the API's open handles stay within a fixed margin of the connection count.
        var handles = report.Samples.Select(s => s.Handles).ToArray();
        Assert.NotEmpty(handles);
        Assert.True(handles.Max() <= handles[0] + (2 * settings.Workers) + 32, markdown);
    }
}
