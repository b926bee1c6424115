using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging.Abstractions;
using Tenancy.ControlPlane.Identity;
using Tenancy.ControlPlane.Registry;
using Tenancy.ControlPlane.Tests.Infrastructure;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Events;

namespace Tenancy.ControlPlane.Tests.Identity;

/// <summary>
/// Golden tests of the REST REQUEST authorizer: the shared verifier with a real RS256 issuer, the registry on DynamoDB
/// Local, this project's event and the SAM CLI's request-authorizer event. Every refusal is <c>Unauthorized</c> or Deny.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class AuthorizerTests(DynamoDbLocalFixture dynamo) : IAsyncLifetime
{
    public const string OwnEvent = "authorizer/tenancy-rest-request-authorizer_orders-get.json";
    public const string SamTemplate = "authorizer/rest-v1-request-authorizer-request.mustache.json";
    private const string StageResource = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*/*";

    private readonly TestIssuer _issuer = new();
    private RegistryTable _table = null!;

    public async Task InitializeAsync()
    {
        _table = await RegistryTable.CreateAsync(dynamo);
        await _table.OnboardAsync("acme", TenantTier.Premium);
        await _table.OnboardAsync("globex", TenantTier.Basic);
        await _table.OnboardAsync("keyless", apiKeyValue: null);
        await _table.OnboardAsync("initech");
        await _table.Writer.TransitionAsync(TenantId.Parse("initech"), RegistryTransition.Suspend, null, CancellationToken.None);
        await _table.Writer.RegisterAsync(TenantId.Parse("hooli"), "Hooli", TenantTier.Basic, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _issuer.Dispose();
        await _table.DisposeAsync();
    }

    [Fact]
    public async Task Allows_an_active_tenant_on_the_whole_stage_with_its_context_and_api_key()
    {
        var response = await HandleAsync(Event(OwnEvent, "Bearer " + _issuer.AccessToken("acme")));

        var json = JsonNode.Parse(JsonSerializer.Serialize(response, IdentityJsonContext.Default.AuthorizerResponse))!;
        var expected = JsonNode.Parse($$"""
            {
              "principalId": "9b2f6a1e-3c4d-4e5f-8a7b-0c1d2e3f4a5b",
              "policyDocument": { "Version": "2012-10-17", "Statement": [ { "Action": "execute-api:Invoke", "Effect": "Allow", "Resource": "{{StageResource}}" } ] },
              "context": { "tenantId": "acme", "tier": "Premium", "model": "Silo" },
              "usageIdentifierKey": "key-value-of-acme"
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public async Task Each_tenant_gets_its_own_key_and_model()
    {
        var response = await HandleAsync(Event(OwnEvent, "Bearer " + _issuer.AccessToken("globex")));

        Assert.Equal("key-value-of-globex", response.UsageIdentifierKey);
        Assert.Equal("Pool", response.Context!["model"]);
        Assert.Equal("Basic", response.Context["tier"]);
    }

    [Fact]
    public async Task The_sam_cli_request_authorizer_event_is_authorized_with_a_token_and_refused_without()
    {
        var withToken = await HandleAsync(SamEvent(authorization: "Bearer " + _issuer.AccessToken("acme")));
        var withoutToken = await Assert.ThrowsAsync<UnauthorizedException>(() => HandleAsync(SamEvent(authorization: null)));

        Assert.Equal("Allow", withToken.PolicyDocument.Statement.Single().Effect);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*/*", withToken.PolicyDocument.Statement.Single().Resource);
        Assert.Equal("Unauthorized", withoutToken.Message);
    }

    [Fact]
    public async Task The_header_name_is_matched_case_insensitively()
    {
        var request = Event(OwnEvent, null);
        request.Headers!["authorization"] = "Bearer " + _issuer.AccessToken("acme");

        Assert.Equal("Allow", (await HandleAsync(request)).PolicyDocument.Statement.Single().Effect);
    }

    public static TheoryData<string> BadTokens() => new()
    {
        "no header",
        "basic scheme",
        "not a jwt",
        "signed by another key",
        "expired",
        "id token",
        "other client",
        "other issuer",
        "alg none",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_missing_or_bad_token_is_unauthorized(string kind)
    {
        using var attacker = RSA.Create(2048);
        var header = kind switch
        {
            "no header" => null,
            "basic scheme" => "Basic YWRtaW46aHVudGVyMg==",
            "not a jwt" => "Bearer not-a-jwt",
            "signed by another key" => "Bearer " + _issuer.AccessToken("acme", signWith: attacker),
            "expired" => "Bearer " + _issuer.AccessToken("acme", c => { c["iat"] = 1_600_000_000; c["exp"] = 1_600_000_600; }),
            "id token" => "Bearer " + _issuer.AccessToken("acme", c => c["token_use"] = "id"),
            "other client" => "Bearer " + _issuer.AccessToken("acme", c => c["client_id"] = "someone-else"),
            "other issuer" => "Bearer " + _issuer.AccessToken("acme", c => c["iss"] = "https://issuer.example"),
            "alg none" => "Bearer " + AlgNone(_issuer.AccessToken("acme")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => HandleAsync(Event(OwnEvent, header)));

        Assert.Equal("Unauthorized", error.Message);
    }

    [Theory]
    [InlineData("no tenant claim", null)]
    [InlineData("malformed tenant claim", "ACME!")]
    [InlineData("unknown tenant", "umbrella")]
    [InlineData("suspended tenant", "initech")]
    [InlineData("provisioning tenant", "hooli")]
    [InlineData("tenant without an api key", "keyless")]
    public async Task A_genuine_token_whose_tenant_cannot_be_served_is_denied(string why, string? tenant)
    {
        var response = await HandleAsync(Event(OwnEvent, "Bearer " + _issuer.AccessToken(tenant)));

        var statement = Assert.Single(response.PolicyDocument.Statement);
        Assert.Equal("Deny", statement.Effect);
        Assert.Equal(StageResource, statement.Resource);
        Assert.Null(response.Context);
        Assert.Null(response.UsageIdentifierKey);
        Assert.False(string.IsNullOrEmpty(response.PrincipalId), why);
    }

    [Fact]
    public async Task An_unreachable_registry_denies()
    {
        var missingTable = new DynamoDbTenantRegistry(_table.Client, new TenantRegistryOptions { TableName = "NoSuchRegistry" });
        var function = new AuthorizerFunction(_issuer.CreateVerifier(), missingTable, NullLogger.Instance);

        var response = await function.HandleAsync(Event(OwnEvent, "Bearer " + _issuer.AccessToken("acme")), TestContexts.Invocation(), CancellationToken.None);

        Assert.Equal("Deny", response.PolicyDocument.Statement.Single().Effect);
        await Assert.ThrowsAsync<ResourceNotFoundExceptionProbe>(() => Probe(missingTable));
    }

    [Theory]
    [InlineData("type", "TOKEN")]
    [InlineData("methodArn", "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5")]
    [InlineData("methodArn", "arn:aws:execute-api:eu-west-1:123456789012:*/*/GET/orders")]
    [InlineData("methodArn", "arn:aws:lambda:eu-west-1:123456789012:function:x/prod/GET/")]
    public async Task An_event_that_is_not_a_rest_request_authorizer_event_is_unauthorized(string member, string value)
    {
        var node = JsonNode.Parse(SampleEvents.Read(OwnEvent))!.AsObject();
        node[member] = value;
        node["headers"]!["Authorization"] = "Bearer " + _issuer.AccessToken("acme");

        await Assert.ThrowsAsync<UnauthorizedException>(() => HandleAsync(node.Deserialize(IdentityJsonContext.Default.AuthorizerRequest)!));
    }

    private Task<AuthorizerResponse> HandleAsync(AuthorizerRequest request) =>
        new AuthorizerFunction(_issuer.CreateVerifier(), _table.NewReader(), NullLogger.Instance).HandleAsync(request, TestContexts.Invocation(), CancellationToken.None);

    private static AuthorizerRequest Event(string path, string? authorization)
    {
        var node = JsonNode.Parse(SampleEvents.Read(path))!.AsObject();
        var headers = node["headers"]!.AsObject();
        headers.Remove("Authorization");
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        return node.Deserialize(IdentityJsonContext.Default.AuthorizerRequest)!;
    }

    /// <summary>The SAM CLI template rendered as <c>sam local generate-event apigateway request-authorizer</c> does by default.</summary>
    public static string RenderSamTemplate() => SampleEvents.Read(SamTemplate)
        .Replace("{{{partition}}}", "aws", StringComparison.Ordinal)
        .Replace("{{{region}}}", "us-east-1", StringComparison.Ordinal)
        .Replace("{{{account_id}}}", "123456789012", StringComparison.Ordinal)
        .Replace("{{{restApiId}}}", "abcdef1234", StringComparison.Ordinal)
        .Replace("{{{stage}}}", "prod", StringComparison.Ordinal)
        .Replace("{{{method}}}", "GET", StringComparison.Ordinal)
        .Replace("{{{resource}}}", "request", StringComparison.Ordinal);

    private static AuthorizerRequest SamEvent(string? authorization)
    {
        var node = JsonNode.Parse(RenderSamTemplate())!.AsObject();
        if (authorization is not null)
        {
            node["headers"]!["Authorization"] = authorization;
        }

        return node.Deserialize(IdentityJsonContext.Default.AuthorizerRequest)!;
    }

    private static string AlgNone(string token)
    {
        var parts = token.Split('.');
        return $"{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
    }

    // Shows the denial came from a registry that really cannot be read, not from a token problem.
    private static async Task Probe(DynamoDbTenantRegistry registry)
    {
        try
        {
            await registry.FindAsync(TenantId.Parse("acme"), CancellationToken.None);
        }
        catch (Exception ex) when (ex is AmazonDynamoDBException or TenantAccessDeniedException)
        {
            throw new ResourceNotFoundExceptionProbe();
        }
    }

    private sealed class ResourceNotFoundExceptionProbe : Exception;
}
