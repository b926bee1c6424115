using Tenancy.Isolation;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.Kms;
using Tenancy.Local.Run.Tenants;

namespace Tenancy.Local.Tests.Run;

/// <summary>
/// <c>tenants …</c> against a running local cloud found through its state file: every change goes through the
/// lifecycle state machines or the registry function (published Native-AOT bootstraps), over signed Step Functions and
/// Lambda calls.
/// </summary>
public sealed class TenantsCommandTests : IAsyncLifetime
{
    private readonly string _stateFile = Path.Combine(Path.GetTempPath(), $"tenancy-state-{Guid.NewGuid():N}.json");
    private LocalCloud _cloud = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { TemplateFunctions = new LocalTemplateFunctionsOptions() });
        await LocalCloudStateFile.Of(_cloud).WriteAsync(_stateFile, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_stateFile);
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task A_tenant_is_onboarded_suspended_resumed_listed_and_offboarded_through_the_control_plane()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_stateFile));
        }

        var onboarded = await RunAsync("onboard", "cmdco", "--tier", "Premium", "--name", "Command Co");
        Assert.True(onboarded.Exit == 0, onboarded.Stderr);
        Assert.Contains("OnboardingStateMachine cmdco: SUCCEEDED", onboarded.Stdout, StringComparison.Ordinal);
        Assert.Equal(TenantStatus.Active, (await _cloud.ReadRegistrationAsync("cmdco"))!.Status);

        var suspended = await RunAsync("suspend", "cmdco");
        Assert.True(suspended.Exit == 0, suspended.Stderr);
        Assert.Equal(TenantStatus.Suspended, (await _cloud.ReadRegistrationAsync("cmdco"))!.Status);
        var listed = await RunAsync("list");
        Assert.Equal(0, listed.Exit);
        Assert.Matches(@"cmdco\s+Suspended\s+Premium\s+Silo\s+AppData-cmdco\s+alias/tenancy/cmdco", listed.Stdout);

        // Transitions are idempotent (the state machines retry them); one the registry refuses is a failure.
        Assert.Equal(0, (await RunAsync("suspend", "cmdco")).Exit);
        var unknown = await RunAsync("suspend", "nosuchco");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("refused", unknown.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("resume", "cmdco")).Exit);
        Assert.Equal(TenantStatus.Active, (await _cloud.ReadRegistrationAsync("cmdco"))!.Status);

        var offboarded = await RunAsync("offboard", "cmdco");
        Assert.True(offboarded.Exit == 0, offboarded.Stderr);
        Assert.Equal(TenantStatus.Deleted, (await _cloud.ReadRegistrationAsync("cmdco"))!.Status);
        Assert.Equal(KmsKeyState.PendingDeletion, _cloud.KmsKeys.Keys.Single(k => k.Tags.GetValueOrDefault("TenantID") == "cmdco").State);
        var resumeDeleted = await RunAsync("resume", "cmdco");
        Assert.Equal(1, resumeDeleted.Exit);
        Assert.Equal(TenantStatus.Deleted, (await _cloud.ReadRegistrationAsync("cmdco"))!.Status);
    }

    [Theory]
    [InlineData("onboard", "cmdbad")]
    [InlineData("onboard", "Not A Tenant!", "--tier", "Basic")]
    [InlineData("onboard", "cmdbad", "--tier", "Gold")]
    [InlineData("delete", "cmdbad")]
    [InlineData("list", "--colour", "red")]
    public async Task Usage_errors_exit_2_and_change_nothing(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.Exit);
        Assert.Contains("usage: tenants", result.Stderr, StringComparison.Ordinal);
        Assert.Null(await _cloud.ReadRegistrationAsync("cmdbad"));
    }

    [Fact]
    public async Task Without_a_running_cloud_it_exits_2_and_says_how_to_start_one()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await TenantsCommand.RunAsync(["list", "--state-file", _stateFile + ".missing"], stdout, stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("dotnet run --project src/Tenancy.Local", stderr.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await TenantsCommand.RunAsync([.. args, "--state-file", _stateFile], stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
