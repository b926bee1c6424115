using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tenancy.Api.Tests.Infrastructure;

namespace Tenancy.Api.Tests;

/// <summary>Order attachments end to end: the published API, the local S3 behind IAM, vended tenant credentials.</summary>
[Collection(LocalApiCollection.Name)]
public sealed class AttachmentTests
{
    private readonly LocalApiFixture _fixture;

    public AttachmentTests(LocalApiFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    private static Action<HttpRequestMessage> Body(byte[] content, string? contentType) => request =>
    {
        request.Content = new ByteArrayContent(content);
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
    };

    private async Task<string> NewOrderAsync(TestTenant tenant) => (await Http.CreateOrderAsync(tenant))["id"]!.GetValue<string>();

    [Fact]
    public async Task A_tenant_stores_reads_lists_and_deletes_an_attachment()
    {
        var tenant = _fixture.Basic;
        var id = await NewOrderAsync(tenant);
        var content = Encoding.UTF8.GetBytes("%PDF-1.7 delivery note");

        using (var put = await Http.SendAsync(HttpMethod.Put, $"/orders/{id}/attachments/delivery-note.pdf", tenant.AccessToken, configure: Body(content, "application/pdf")))
        {
            var stored = await put.JsonAsync(HttpStatusCode.OK);
            Assert.Equal("delivery-note.pdf", stored["name"]!.GetValue<string>());
            Assert.Equal(content.Length, stored["size"]!.GetValue<long>());
        }

        using (var get = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}/attachments/delivery-note.pdf", tenant.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("application/pdf", get.Content.Headers.ContentType?.MediaType);
            Assert.Equal(content, await get.Content.ReadAsByteArrayAsync());
        }

        using (var list = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}/attachments", tenant.AccessToken))
        {
            var page = await list.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(["delivery-note.pdf"], page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        }

        using (var delete = await Http.SendAsync(HttpMethod.Delete, $"/orders/{id}/attachments/delivery-note.pdf", tenant.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var gone = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}/attachments/delivery-note.pdf", tenant.AccessToken);
        await gone.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Refusals_are_problem_details()
    {
        var tenant = _fixture.Basic;
        var id = await NewOrderAsync(tenant);

        using (var html = await Http.SendAsync(HttpMethod.Put, $"/orders/{id}/attachments/page.html", tenant.AccessToken, configure: Body("<b>x</b>"u8.ToArray(), "text/html")))
        {
            await html.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }

        using (var large = await Http.SendAsync(HttpMethod.Put, $"/orders/{id}/attachments/big.txt", tenant.AccessToken, configure: Body(new byte[64 * 1024], "text/plain")))
        {
            await large.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        }

        // ".." (plain or percent-encoded) never reaches this route from HttpClient: it resolves dot segments away
        // (RFC 3986), so the request lands on /orders/{id}. The store refuses such names itself (TenantObjectStore tests).
        foreach (var name in new[] { "a..b", "zero%E2%80%8Bwidth.txt", "nl%0A.txt", "%20lead.txt" })
        {
            using var bad = await Http.SendAsync(HttpMethod.Put, $"/orders/{id}/attachments/{name}", tenant.AccessToken, configure: Body("x"u8.ToArray(), "text/plain"));
            Assert.True(bad.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{name}: {(int)bad.StatusCode}");
            await bad.ProblemAsync(bad.StatusCode);
        }

        using (var missing = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}/attachments/never.txt", tenant.AccessToken))
        {
            await missing.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var noOrder = await Http.SendAsync(HttpMethod.Put, $"/orders/{new string('a', 32)}/attachments/x.txt", tenant.AccessToken, configure: Body("x"u8.ToArray(), "text/plain")))
        {
            await noOrder.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var anonymous = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}/attachments", token: null);
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_tenant_cannot_reach_an_attachment_by_any_route()
    {
        var victim = _fixture.Premium;
        var attacker = _fixture.Basic;
        var id = await NewOrderAsync(victim);
        using (var put = await Http.SendAsync(HttpMethod.Put, $"/orders/{id}/attachments/secret.txt", victim.AccessToken, configure: Body("victim secret"u8.ToArray(), "text/plain")))
        {
            await put.JsonAsync(HttpStatusCode.OK);
        }

        using (var get = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}/attachments/secret.txt", attacker.AccessToken))
        {
            await get.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var list = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}/attachments", attacker.AccessToken))
        {
            await list.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var overwrite = await Http.SendAsync(HttpMethod.Put, $"/orders/{id}/attachments/secret.txt", attacker.AccessToken, configure: Body("mallory"u8.ToArray(), "text/plain")))
        {
            await overwrite.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var delete = await Http.SendAsync(HttpMethod.Delete, $"/orders/{id}/attachments/secret.txt", attacker.AccessToken))
        {
            await delete.ProblemAsync(HttpStatusCode.NotFound);
        }

        // The attacker's own order of the same id space cannot be bent into the victim's prefix either.
        var own = await NewOrderAsync(attacker);
        using (var escape = await Http.SendAsync(HttpMethod.Get, $"/orders/{own}/attachments/..%2F..%2F..%2F..%2Fglobex%2Fsecret.txt", attacker.AccessToken))
        {
            Assert.True(escape.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)escape.StatusCode}");
        }

        using var intact = await Http.SendAsync(HttpMethod.Get, $"/orders/{id}/attachments/secret.txt", victim.AccessToken);
        Assert.Equal(HttpStatusCode.OK, intact.StatusCode);
        Assert.Equal("victim secret", await intact.Content.ReadAsStringAsync());
    }
}
