using System.Net;
using Tenancy.Api.Tests.Infrastructure;

namespace Tenancy.Api.Tests;

/// <summary>Every route works for the tenant that owns the data, pooled Basic and siloed Premium alike.</summary>
[Collection(LocalApiCollection.Name)]
public sealed class OwnerRouteTests
{
    private readonly LocalApiFixture _fixture;

    public OwnerRouteTests(LocalApiFixture fixture) => _fixture = fixture;

    private TestTenant Tenant(string which) => which == "basic" ? _fixture.Basic : _fixture.Premium;

    [Fact]
    public async Task Health_answers_ok()
    {
        using var anonymous = await _fixture.Http.GetAsync(new Uri("/health", UriKind.Relative));
        if (_fixture.ThroughGateway)
        {
            // The API needs no token for /health, but API Gateway runs the authorizer on every route (the template's
            // only resource is /{proxy+}), so there the gateway refuses a request without one before the API.
            await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("UnauthorizedException", anonymous.Headers.GetValues("x-amzn-ErrorType").Single());
        }
        else
        {
            Assert.Equal("ok", (await anonymous.JsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
        }

        using var response = await _fixture.Http.SendAsync(HttpMethod.Get, "/health", _fixture.Basic.AccessToken);
        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("ok", body["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("basic", "Basic", "Pool")]
    [InlineData("premium", "Premium", "Silo")]
    public async Task Me_reports_user_tenant_and_tier_from_the_token_and_registry(string which, string tier, string model)
    {
        var tenant = Tenant(which);
        using var response = await _fixture.Http.SendAsync(HttpMethod.Get, "/me", tenant.AccessToken);
        var me = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(tenant.Id, me["tenantId"]!.GetValue<string>());
        Assert.Equal(tier, me["tier"]!.GetValue<string>());
        Assert.Equal(model, me["model"]!.GetValue<string>());
        Assert.Equal(ForgedTokens.ReadClaim(tenant.AccessToken, "sub"), me["userId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("premium")]
    public async Task Create_get_update_transition_and_delete_an_order(string which)
    {
        var tenant = Tenant(which);
        var http = _fixture.Http;

        var created = await http.CreateOrderAsync(tenant, "Grace Hopper", "grace@navy.example");
        var id = created["id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal("Pending", created["status"]!.GetValue<string>());
        Assert.Equal(19m, created["total"]!.GetValue<decimal>());
        Assert.Equal(1, created["version"]!.GetValue<long>());

        using (var get = await http.SendAsync(HttpMethod.Get, $"/orders/{id}", tenant.AccessToken))
        {
            var order = await get.JsonAsync(HttpStatusCode.OK);
            Assert.Equal("grace@navy.example", order["customerEmail"]!.GetValue<string>());
            Assert.Equal("\"1\"", get.Headers.ETag?.ToString());
        }

        var update = new { customerName = "Grace B. Hopper", customerEmail = "grace@cobol.example", lines = new[] { new { sku = "BUG-1", quantity = 3, unitPrice = 1.25m } } };
        using (var put = await http.SendAsync(HttpMethod.Put, $"/orders/{id}", tenant.AccessToken, update, r => r.Headers.TryAddWithoutValidation("If-Match", "\"1\"")))
        {
            var order = await put.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(2, order["version"]!.GetValue<long>());
            Assert.Equal(3.75m, order["total"]!.GetValue<decimal>());
            Assert.Equal("grace@cobol.example", order["customerEmail"]!.GetValue<string>());
        }

        // A stale If-Match is a failed precondition; a stale body version is a conflict.
        using (var stale = await http.SendAsync(HttpMethod.Put, $"/orders/{id}", tenant.AccessToken, update, r => r.Headers.TryAddWithoutValidation("If-Match", "\"1\"")))
        {
            await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        using (var stale = await http.SendAsync(HttpMethod.Put, $"/orders/{id}", tenant.AccessToken, new { update.customerName, update.customerEmail, update.lines, version = 1 }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        foreach (var (status, version) in new[] { ("Confirmed", 3L), ("Shipped", 4L), ("Delivered", 5L) })
        {
            using var move = await http.SendAsync(HttpMethod.Post, $"/orders/{id}/status", tenant.AccessToken, new { status });
            var order = await move.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(status, order["status"]!.GetValue<string>());
            Assert.Equal(version, order["version"]!.GetValue<long>());
        }

        using (var invalid = await http.SendAsync(HttpMethod.Post, $"/orders/{id}/status", tenant.AccessToken, new { status = "Cancelled" }))
        {
            var problem = await invalid.ProblemAsync(HttpStatusCode.Conflict);
            Assert.EndsWith("invalid-status-transition", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var notEditable = await http.SendAsync(HttpMethod.Put, $"/orders/{id}", tenant.AccessToken, new { update.customerName, update.customerEmail, update.lines, version = 5 }))
        {
            await notEditable.ProblemAsync(HttpStatusCode.Conflict);
        }

        using (var delete = await http.SendAsync(HttpMethod.Delete, $"/orders/{id}", tenant.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using (var gone = await http.SendAsync(HttpMethod.Get, $"/orders/{id}", tenant.AccessToken))
        {
            await gone.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var again = await http.SendAsync(HttpMethod.Delete, $"/orders/{id}", tenant.AccessToken);
        await again.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("premium")]
    public async Task Cancel_from_pending_and_confirmed_only(string which)
    {
        var tenant = Tenant(which);
        var pending = (await _fixture.Http.CreateOrderAsync(tenant))["id"]!.GetValue<string>();
        using (var cancel = await _fixture.Http.SendAsync(HttpMethod.Post, $"/orders/{pending}/status", tenant.AccessToken, new { status = "Cancelled", version = 1 }))
        {
            Assert.Equal("Cancelled", (await cancel.JsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
        }

        using (var revive = await _fixture.Http.SendAsync(HttpMethod.Post, $"/orders/{pending}/status", tenant.AccessToken, new { status = "Confirmed" }))
        {
            await revive.ProblemAsync(HttpStatusCode.Conflict);
        }

        var skip = (await _fixture.Http.CreateOrderAsync(tenant))["id"]!.GetValue<string>();
        using var ship = await _fixture.Http.SendAsync(HttpMethod.Post, $"/orders/{skip}/status", tenant.AccessToken, new { status = "Shipped" });
        await ship.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("premium")]
    public async Task List_pages_through_every_order_with_an_opaque_token(string which)
    {
        var tenant = Tenant(which);
        var mine = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            mine.Add((await _fixture.Http.CreateOrderAsync(tenant, $"Customer {i}"))["id"]!.GetValue<string>());
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var path = "/orders?limit=2" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            using var response = await _fixture.Http.SendAsync(HttpMethod.Get, path, tenant.AccessToken);
            var page = await response.JsonAsync(HttpStatusCode.OK);
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 2);
            seen.AddRange(items.Select(i => i!["id"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.Null(token);
        Assert.Subset(seen.ToHashSet(StringComparer.Ordinal), mine);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.True(pages >= 3);
    }
}
