using System.Text.Json.Nodes;
using Tenancy.ControlPlane.Registry;
using Tenancy.ControlPlane.Tests.Identity;
using Tenancy.ControlPlane.Tests.Infrastructure;
using Tenancy.Isolation;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Events;
using Tenancy.Testing.Lambda;

namespace Tenancy.ControlPlane.Tests;

/// <summary>
/// The control-plane bootstrap, published Native AOT for real, answering the identity and registry events through the
/// Runtime API, with the registry on DynamoDB Local and the issuer's JWKS over HTTP: what Lambda will run.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(DynamoDbLocalCollection.Name)]
public sealed class PublishedBootstrapTests(PublishedControlPlane published, DynamoDbLocalFixture dynamo) : IClassFixture<PublishedControlPlane>, IAsyncLifetime
{
    private readonly TestIssuer _issuer = new();
    private RegistryTable _table = null!;

    public async Task InitializeAsync()
    {
        _table = await RegistryTable.CreateAsync(dynamo);
        await _table.OnboardAsync("acme", TenantTier.Premium);
        await _table.OnboardAsync("initech");
        await _table.Writer.TransitionAsync(TenantId.Parse("initech"), RegistryTransition.Suspend, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _issuer.Dispose();
        await _table.DisposeAsync();
    }

    [Fact]
    public void The_control_plane_publishes_without_trim_or_aot_warnings()
    {
        Assert.True(File.Exists(published.BootstrapPath));
        Assert.Contains("Generating native code", published.PublishLog, StringComparison.Ordinal);
        Assert.DoesNotContain("warning IL2", published.PublishLog, StringComparison.Ordinal);
        Assert.DoesNotContain("warning IL3", published.PublishLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pre_token_trigger_answers_and_fails_closed()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var bootstrap = Start(api, "pre-token-generation");

        var issued = await api.Enqueue(SampleEvents.Bytes(PreTokenGenerationTests.OwnEvent)).WaitAsync(TimeSpan.FromSeconds(60));
        var suspended = await api.Enqueue(SampleEvents.Modified(PreTokenGenerationTests.OwnEvent, e => e["request"]!["userAttributes"]!["custom:tenantID"] = "initech")).WaitAsync(TimeSpan.FromSeconds(30));
        var missing = await api.Enqueue(SampleEvents.Bytes(PreTokenGenerationTests.GoAnyClaims)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("response", issued.Kind);
        var details = JsonNode.Parse(issued.Body)!["response"]!["claimsAndScopeOverrideDetails"]!;
        Assert.Equal("acme", (string)details["accessTokenGeneration"]!["claimsToAddOrOverride"]!["custom:tenantID"]!);
        Assert.Equal("Premium", (string)details["accessTokenGeneration"]!["claimsToAddOrOverride"]!["custom:tier"]!);
        Assert.Equal("acme", (string)details["idTokenGeneration"]!["claimsToAddOrOverride"]!["https://aws.amazon.com/tags"]!["principal_tags"]!["TenantID"]![0]!);
        foreach (var refused in new[] { suspended, missing })
        {
            Assert.Equal("error", refused.Kind);
            Assert.Equal("PreTokenGenerationRefusedException", refused.Header("Lambda-Runtime-Function-Error-Type"));
        }

        Assert.False(bootstrap.HasExited, bootstrap.Output);
    }

    [Fact]
    public async Task The_authorizer_allows_denies_and_answers_unauthorized()
    {
        using var jwks = new JwksServer(_issuer);
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var bootstrap = Start(api, "authorizer", new Dictionary<string, string>
        {
            ["TENANCY_JWT_ISSUER"] = TestIssuer.Issuer,
            ["TENANCY_JWT_AUDIENCE"] = TestIssuer.ClientId,
            ["TENANCY_JWKS_URI"] = jwks.Uri.ToString(),
        });

        var allowed = await api.Enqueue(AuthorizerEvent("Bearer " + _issuer.AccessToken("acme"))).WaitAsync(TimeSpan.FromSeconds(60));
        var denied = await api.Enqueue(AuthorizerEvent("Bearer " + _issuer.AccessToken("initech"))).WaitAsync(TimeSpan.FromSeconds(30));
        var unauthorized = await api.Enqueue(AuthorizerEvent("Bearer forged.token.value")).WaitAsync(TimeSpan.FromSeconds(30));
        var samEvent = await api.Enqueue(AuthorizerTests.RenderSamTemplate()).WaitAsync(TimeSpan.FromSeconds(30));

        var allow = JsonNode.Parse(allowed.Body)!;
        Assert.Equal("Allow", (string)allow["policyDocument"]!["Statement"]![0]!["Effect"]!);
        Assert.Equal("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*/*", (string)allow["policyDocument"]!["Statement"]![0]!["Resource"]!);
        Assert.Equal("acme", (string)allow["context"]!["tenantId"]!);
        Assert.Equal("key-value-of-acme", (string)allow["usageIdentifierKey"]!);
        Assert.Equal("Deny", (string)JsonNode.Parse(denied.Body)!["policyDocument"]!["Statement"]![0]!["Effect"]!);
        foreach (var refused in new[] { unauthorized, samEvent })
        {
            Assert.Equal("error", refused.Kind);
            Assert.Equal("Unauthorized", (string)JsonNode.Parse(refused.Body)!["errorMessage"]!);
        }
    }

    [Fact]
    public async Task The_registry_function_runs_the_onboarding_transitions()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var bootstrap = Start(api, "registry");

        var registered = await api.Enqueue("""{"transition":"register","tenantId":"globex","name":"Globex","tier":"Basic"}""").WaitAsync(TimeSpan.FromSeconds(60));
        var illegal = await api.Enqueue("""{"transition":"resume","tenantId":"globex"}""").WaitAsync(TimeSpan.FromSeconds(30));
        var active = await api.Enqueue("""{"transition":"activate","tenantId":"globex"}""").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Provisioning", (string)JsonNode.Parse(registered.Body)!["status"]!);
        Assert.Equal("IllegalTenantTransitionException", illegal.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal("Active", (string)JsonNode.Parse(active.Body)!["status"]!);
        Assert.Equal(TenantStatus.Active, (await _table.Writer.ReadAsync(TenantId.Parse("globex"), CancellationToken.None)).Status);
    }

    private BootstrapProcess Start(FakeRuntimeApi api, string handler, Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["_HANDLER"] = handler,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["TENANCY_REGISTRY_TABLE"] = _table.Name,
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return BootstrapProcess.Start(published.BootstrapPath, api.Address, environment);
    }

    private static byte[] AuthorizerEvent(string authorization) =>
        SampleEvents.Modified(AuthorizerTests.OwnEvent, e => e["headers"]!["Authorization"] = authorization);
}
