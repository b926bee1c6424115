using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Isolation;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Run.Tenants;
using Tenancy.Local.Tests.AwsCli;

namespace Tenancy.Local.Tests.Run;

/// <summary>
/// The README run's tenants come from the onboarding state machine with the template's own functions (the registry
/// function and the pre-token trigger as published Native-AOT bootstraps), and sign in through cognito-idp.
/// </summary>
public sealed class DemoTenantsTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;

    public async Task InitializeAsync() =>
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { TemplateFunctions = new LocalTemplateFunctionsOptions() });

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task Demo_tenants_are_onboarded_by_executions_and_their_admins_sign_in_with_the_tenant_in_the_access_token()
    {
        var tenants = await DemoTenants.OnboardAsync(_cloud);

        var executions = _cloud.Executions.All.Where(e => e.StateMachine.LogicalId == TenantLifecycleWorkflows.Onboarding).ToList();
        Assert.Equal(2, executions.Count);
        Assert.All(executions, e => Assert.Equal("SUCCEEDED", e.Status));
        foreach (var tenant in tenants)
        {
            var registration = await _cloud.ReadRegistrationAsync(tenant.TenantId.Value);
            Assert.Equal(TenantStatus.Active, registration!.Status);
            Assert.Equal(tenant.KmsKeyId, registration.Resources.KmsKeyId);
        }

        Assert.Equal(TenancyModel.Silo, tenants.Single(t => t.TenantId.Value == "globex").Placement.Model);

        // InitiateAuth is unsigned in AWS; the CLI sends it so, and the trigger's claims reach the access token.
        var acme = tenants.Single(t => t.TenantId.Value == "acme");
        var signIn = await AwsCliRunner.RunAsync(
            _cloud,
            _cloud.AdminCredentials,
            "--no-sign-request", "cognito-idp", "initiate-auth", "--client-id", _cloud.UserPool.ClientId, "--auth-flow", "USER_PASSWORD_AUTH",
            "--auth-parameters", $"USERNAME={acme.Username},PASSWORD={acme.Password}");
        var accessToken = (string)signIn.Json["AuthenticationResult"]!["AccessToken"]!;
        Assert.Equal("acme", (string)Claims(accessToken)["custom:tenantID"]!);

        var wrong = await AwsCliRunner.RunAsync(
            _cloud,
            _cloud.AdminCredentials,
            "--no-sign-request", "cognito-idp", "initiate-auth", "--client-id", _cloud.UserPool.ClientId, "--auth-flow", "USER_PASSWORD_AUTH",
            "--auth-parameters", $"USERNAME={acme.Username},PASSWORD=Not-The-Password-1");
        Assert.Equal("NotAuthorizedException", wrong.ErrorCode);
    }

    [Fact]
    public async Task An_onboarding_that_fails_is_a_typed_error_with_the_state_machines_outcome()
    {
        // DynamoDB down for the registry function's own calls: its first transition fails after the definition's retries.
        _cloud.Faults.Set("dynamodb", LocalFaultKind.Unavailable);
        TenantWorkflowFailedException failure;
        try
        {
            failure = await Assert.ThrowsAsync<TenantWorkflowFailedException>(
                () => TenantLifecycleWorkflows.OnboardAsync(_cloud, "outage", "Outage Inc", TenantTier.Basic, "admin@outage.example", CancellationToken.None));
        }
        finally
        {
            _cloud.Faults.ClearAll();
        }

        Assert.Equal("FAILED", failure.Status);
        Assert.NotEqual(TenantStatus.Active, (await _cloud.ReadRegistrationAsync("outage"))?.Status);
        Assert.DoesNotContain(_cloud.KmsKeys.Keys, k => k.Tags.GetValueOrDefault("TenantID") == "outage");
    }

    private static JsonObject Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!.AsObject();
    }
}
