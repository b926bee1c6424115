using System.Net;
using Tenancy.Api.Tests.Infrastructure;
using Tenancy.Local.Emulator.Services.Identity;

namespace Tenancy.Api.Tests;

/// <summary>
/// Tenant A (pooled <c>acme</c>) attacks tenant B's orders by every route: the siloed <c>globex</c> and the pooled
/// <c>initech</c> that shares A's table. B's data must stay unreadable and unchanged.
/// </summary>
[Collection(LocalApiCollection.Name)]
public sealed class CrossTenantTests
{
    private readonly LocalApiFixture _fixture;

    public CrossTenantTests(LocalApiFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    public static TheoryData<string> Victims => new() { "premium", "neighbour" };

    private TestTenant Victim(string which) => which == "premium" ? _fixture.Premium : _fixture.Neighbour;

    [Theory]
    [MemberData(nameof(Victims))]
    public async Task Guessed_ids_of_another_tenant_are_not_found_by_any_route(string which)
    {
        var victim = Victim(which);
        var attacker = _fixture.Basic;
        var id = (await Http.CreateOrderAsync(victim, "Victim", "victim@secret.example"))["id"]!.GetValue<string>();

        using (var get = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}", attacker.AccessToken))
        {
            await get.ProblemAsync(HttpStatusCode.NotFound);
        }

        var update = new { customerName = "Mallory", customerEmail = "m@evil.example", lines = new[] { new { sku = "X", quantity = 1, unitPrice = 0m } }, version = 1 };
        using (var put = await Http.SendAsync(HttpMethod.Put, $"/orders/{id}", attacker.AccessToken, update))
        {
            await put.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var move = await Http.SendAsync(HttpMethod.Post, $"/orders/{id}/status", attacker.AccessToken, new { status = "Cancelled" }))
        {
            await move.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var delete = await Http.SendAsync(HttpMethod.Delete, $"/orders/{id}", attacker.AccessToken))
        {
            await delete.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var list = await Http.SendAsync(HttpMethod.Get, "/orders?limit=100", attacker.AccessToken))
        {
            var body = await list.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain(id, body, StringComparison.Ordinal);
            Assert.DoesNotContain("victim@secret.example", body, StringComparison.Ordinal);
        }

        // The victim's order is intact.
        using var own = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}", victim.AccessToken);
        var order = await own.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Victim", order["customerName"]!.GetValue<string>());
        Assert.Equal("Pending", order["status"]!.GetValue<string>());
        Assert.Equal(1, order["version"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(Victims))]
    public async Task Another_tenants_continuation_token_is_rejected(string which)
    {
        var victim = Victim(which);
        for (var i = 0; i < 3; i++)
        {
            await Http.CreateOrderAsync(victim);
        }

        using var first = await Http.SendAsync(HttpMethod.Get, "/orders?limit=1", victim.AccessToken);
        var token = (await first.JsonAsync(HttpStatusCode.OK))["continuationToken"]!.GetValue<string>();

        using var stolen = await Http.SendAsync(HttpMethod.Get, "/orders?limit=1&continuationToken=" + Uri.EscapeDataString(token), _fixture.Basic.AccessToken);
        await stolen.ProblemAsync(HttpStatusCode.BadRequest);

        foreach (var forged in new[] { "eyJQSyI6IlRFTkFOVCNnbG9iZXgifQ", "x", new string('A', 64), token + "A", token[..^2] })
        {
            using var response = await Http.SendAsync(HttpMethod.Get, "/orders?limit=1&continuationToken=" + Uri.EscapeDataString(forged), _fixture.Basic.AccessToken);
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_request_that_names_a_tenant_is_rejected_wherever_it_names_it()
    {
        var attacker = _fixture.Basic;
        var victim = _fixture.Premium.Id;
        foreach (var header in new[] { "X-Tenant-Id", "x-tenant", "Tenant-Id", "X-Tenant_Id" })
        {
            using var response = await Http.SendAsync(HttpMethod.Get, "/orders", attacker.AccessToken, configure: r => r.Headers.TryAddWithoutValidation(header, victim));
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        foreach (var query in new[] { "tenant", "tenantId", "TenantID", "tenant_id" })
        {
            using var response = await Http.SendAsync(HttpMethod.Get, $"/orders?{query}={victim}", attacker.AccessToken);
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        var body = "{\"customerName\":\"M\",\"customerEmail\":\"m@evil.example\",\"lines\":[{\"sku\":\"X\",\"quantity\":1,\"unitPrice\":1}],\"tenantId\":\"" + victim + "\"}";
        using (var post = await Http.SendAsync(HttpMethod.Post, "/orders", attacker.AccessToken, body))
        {
            var problem = await post.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]?["tenantId"]);
        }

        // Nothing was created for either tenant by the rejected requests.
        using var list = await Http.SendAsync(HttpMethod.Get, "/orders?limit=100", _fixture.Premium.AccessToken);
        Assert.DoesNotContain("m@evil.example", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Victims_token_with_attackers_ids_cannot_reach_the_attackers_orders_either()
    {
        var id = (await Http.CreateOrderAsync(_fixture.Basic))["id"]!.GetValue<string>();
        using var get = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}", _fixture.Premium.AccessToken);
        await get.ProblemAsync(HttpStatusCode.NotFound);
        using var delete = await Http.SendAsync(HttpMethod.Delete, $"/orders/{id}", _fixture.Neighbour.AccessToken);
        await delete.ProblemAsync(HttpStatusCode.NotFound);
        using var own = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}", _fixture.Basic.AccessToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    public static TheoryData<string> ForgedTokenKinds => new()
    {
        "tampered-claim", "tampered-by-issuer-hook", "alg-none", "alg-none-issuer-hook", "other-key-same-kid", "unknown-kid",
        "hs256-with-public-key", "wrong-issuer", "wrong-audience", "expired", "id-token", "garbage", "no-bearer",
    };

    [Theory]
    [MemberData(nameof(ForgedTokenKinds))]
    public async Task Forged_or_invalid_tokens_are_401_and_reach_no_data(string kind)
    {
        var attacker = _fixture.Basic;
        var issuer = _fixture.Cloud.Issuer;
        var victim = _fixture.Premium.Id;
        var jwks = System.Text.Json.Nodes.JsonNode.Parse(issuer.Jwks().ToJsonString())!;
        var token = kind switch
        {
            "tampered-claim" => ForgedTokens.WithClaim(attacker.AccessToken, "custom:tenantID", victim),
            "tampered-by-issuer-hook" => issuer.MintToken(attacker.Onboarded.Username, TokenUse.Access, TokenDefect.TamperedTenant, tamperedTenantId: victim),
            "alg-none" => ForgedTokens.AlgNone(attacker.AccessToken, victim),
            "alg-none-issuer-hook" => issuer.MintToken(attacker.Onboarded.Username, TokenUse.Access, TokenDefect.AlgNone),
            "other-key-same-kid" => ForgedTokens.SignedWithOtherKey(attacker.AccessToken, victim),
            "unknown-kid" => issuer.MintToken(attacker.Onboarded.Username, TokenUse.Access, TokenDefect.UnknownKey),
            "hs256-with-public-key" => ForgedTokens.HmacWithPublicKey(attacker.AccessToken, jwks["keys"]![0]!["n"]!.GetValue<string>()),
            "wrong-issuer" => issuer.MintToken(attacker.Onboarded.Username, TokenUse.Access, TokenDefect.WrongIssuer),
            "wrong-audience" => issuer.MintToken(attacker.Onboarded.Username, TokenUse.Access, TokenDefect.WrongAudience),
            "expired" => issuer.MintToken(attacker.Onboarded.Username, TokenUse.Access, TokenDefect.Expired),
            "id-token" => attacker.IdToken,
            "garbage" => "not.a.jwt",
            "no-bearer" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        foreach (var (method, path) in new[] { (HttpMethod.Get, "/me"), (HttpMethod.Get, "/orders"), (HttpMethod.Post, "/orders") })
        {
            using var response = await Http.SendAsync(method, path, token, method == HttpMethod.Post ? ApiHttp.NewOrder() : null);
            var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
            if (_fixture.ThroughGateway)
            {
                // The authorizer refuses the token, so API Gateway answers with the template's UNAUTHORIZED gateway
                // response (no WWW-Authenticate challenge: the template sets none) and the API never runs.
                Assert.Equal("UnauthorizedException", response.Headers.GetValues("x-amzn-ErrorType").Single());
            }
            else
            {
                Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            }

            Assert.DoesNotContain(victim, problem.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Genuine_token_without_a_usable_tenant_claim_is_403()
    {
        var issuer = _fixture.Cloud.Issuer;
        var user = _fixture.Basic.Onboarded.Username;
        var missing = issuer.MintToken(user, TokenUse.Access, editClaims: c => c.Remove("custom:tenantID"));
        var invalid = issuer.MintToken(user, TokenUse.Access, editClaims: c => c["custom:tenantID"] = "ACME#*");
        var unknown = issuer.MintToken(user, TokenUse.Access, editClaims: c => c["custom:tenantID"] = "nobody-here");
        foreach (var token in new[] { missing, invalid, unknown })
        {
            using var response = await Http.SendAsync(HttpMethod.Get, "/orders", token);
            await response.ProblemAsync(HttpStatusCode.Forbidden);
            AssertRefusedByAuthorizerWhenBehindGateway(response);
        }
    }

    [Fact]
    public async Task Suspended_tenant_is_403()
    {
        using var response = await Http.SendAsync(HttpMethod.Get, "/me", _fixture.Suspended.AccessToken);
        await response.ProblemAsync(HttpStatusCode.Forbidden);
        AssertRefusedByAuthorizerWhenBehindGateway(response);
    }

    // Behind API Gateway the authorizer's Deny policy refuses the request first (the template's ACCESS_DENIED
    // gateway response), so the API, which would refuse it too, never runs.
    private void AssertRefusedByAuthorizerWhenBehindGateway(HttpResponseMessage response)
    {
        if (_fixture.ThroughGateway)
        {
            Assert.Equal("AccessDeniedException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        }
    }
}
