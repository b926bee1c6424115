using System.Text.Json.Nodes;
using Tenancy.ControlPlane.Identity;
using Tenancy.ControlPlane.Registry;
using Tenancy.ControlPlane.Tests.Infrastructure;
using Tenancy.Isolation;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Events;

namespace Tenancy.ControlPlane.Tests.Identity;

/// <summary>Golden tests of the V2_0 pre-token trigger with real event shapes, the registry on DynamoDB Local.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class PreTokenGenerationTests(DynamoDbLocalFixture dynamo) : IAsyncLifetime
{
    public const string OwnEvent = "pre-token-generation/tenancy-pretokengen-V2_0_tenant-admin-sign-in.json";
    public const string GoStringClaims = "pre-token-generation/cognito-pretokengen-V2_0_string-claims-only__aws-lambda-go.json";
    public const string GoAnyClaims = "pre-token-generation/cognito-pretokengen-V2_0_claims-any-type__aws-lambda-go.json";

    private RegistryTable _table = null!;

    public async Task InitializeAsync()
    {
        _table = await RegistryTable.CreateAsync(dynamo);
        await _table.OnboardAsync("acme", TenantTier.Premium);
        await _table.OnboardAsync("globex", TenantTier.Basic);
        await _table.OnboardAsync("initech");
        await _table.Writer.TransitionAsync(TenantId.Parse("initech"), RegistryTransition.Suspend, null, CancellationToken.None);
        await _table.Writer.RegisterAsync(TenantId.Parse("hooli"), "Hooli", TenantTier.Basic, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _table.DisposeAsync();

    [Fact]
    public async Task Adds_the_tenant_and_tier_to_the_access_token_and_session_tags_to_the_id_token()
    {
        var result = await HandleAsync(Parse(OwnEvent));

        var expected = JsonNode.Parse("""
            {
              "claimsAndScopeOverrideDetails": {
                "idTokenGeneration": {
                  "claimsToAddOrOverride": {
                    "https://aws.amazon.com/tags": { "principal_tags": { "TenantID": ["acme"] }, "transitive_tag_keys": ["TenantID"] }
                  }
                },
                "accessTokenGeneration": {
                  "claimsToAddOrOverride": { "custom:tenantID": "acme", "custom:tier": "Premium" }
                }
              }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, result["response"]), result["response"]!.ToJsonString());
        Assert.Equal("2", (string)result["version"]!);
        Assert.Equal("admin@acme.example", (string)result["userName"]!);
    }

    [Theory]
    [InlineData(GoStringClaims)]
    [InlineData(GoAnyClaims)]
    public async Task The_public_sample_events_get_only_the_tenant_claims(string sample)
    {
        var cognitoEvent = Parse(sample);
        cognitoEvent["request"]!["userAttributes"]!["custom:tenantID"] = "globex";

        var result = await HandleAsync(cognitoEvent);

        var access = result["response"]!["claimsAndScopeOverrideDetails"]!["accessTokenGeneration"]!["claimsToAddOrOverride"]!.AsObject();
        Assert.Equal(new[] { "custom:tenantID", "custom:tier" }, access.Select(p => p.Key).ToArray());
        Assert.Equal("Basic", (string)access["custom:tier"]!);
        Assert.Equal("globex", (string)result["response"]!["claimsAndScopeOverrideDetails"]!["idTokenGeneration"]!["claimsToAddOrOverride"]!["https://aws.amazon.com/tags"]!["principal_tags"]!["TenantID"]![0]!);
        Assert.Null(result["response"]!["claimsAndScopeOverrideDetails"]!["groupOverrideDetails"]);
    }

    [Theory]
    [InlineData("missing attribute", null)]
    [InlineData("empty attribute", "")]
    [InlineData("malformed attribute", "ACME;drop")]
    [InlineData("too long", "a-tenant-id-that-is-far-longer-than-allowed")]
    [InlineData("unknown tenant", "umbrella")]
    [InlineData("suspended tenant", "initech")]
    [InlineData("provisioning tenant", "hooli")]
    public async Task Refuses_to_issue_tokens(string why, string? attribute)
    {
        var cognitoEvent = Parse(OwnEvent);
        var attributes = cognitoEvent["request"]!["userAttributes"]!.AsObject();
        attributes.Remove("custom:tenantID");
        if (attribute is not null)
        {
            attributes["custom:tenantID"] = attribute;
        }

        var error = await Assert.ThrowsAsync<PreTokenGenerationRefusedException>(() => HandleAsync(cognitoEvent));

        Assert.False(string.IsNullOrEmpty(error.Message), why);
    }

    [Fact]
    public async Task Refuses_the_unmodified_public_sample_which_has_no_tenant_attribute()
    {
        await Assert.ThrowsAsync<PreTokenGenerationRefusedException>(() => HandleAsync(Parse(GoStringClaims)));
    }

    [Theory]
    [InlineData("version", "1")]
    [InlineData("triggerSource", "PreSignUp_SignUp")]
    public async Task Refuses_events_that_are_not_v2_token_generation(string member, string value)
    {
        var cognitoEvent = Parse(OwnEvent);
        cognitoEvent[member] = value;

        await Assert.ThrowsAsync<PreTokenGenerationRefusedException>(() => HandleAsync(cognitoEvent));
    }

    [Fact]
    public async Task Refuses_a_tenant_id_given_as_a_non_string()
    {
        var cognitoEvent = Parse(OwnEvent);
        cognitoEvent["request"]!["userAttributes"]!["custom:tenantID"] = new JsonArray("acme");

        await Assert.ThrowsAsync<PreTokenGenerationRefusedException>(() => HandleAsync(cognitoEvent));
    }

    private Task<JsonObject> HandleAsync(JsonObject cognitoEvent) =>
        new PreTokenGenerationFunction(_table.NewReader()).HandleAsync(cognitoEvent, TestContexts.Invocation(), CancellationToken.None);

    private static JsonObject Parse(string path) => JsonNode.Parse(SampleEvents.Read(path))!.AsObject();
}
