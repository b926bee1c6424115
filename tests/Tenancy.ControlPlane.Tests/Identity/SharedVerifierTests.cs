using Tenancy.ControlPlane.Tests.Infrastructure;
using Tenancy.Identity;
using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Tests.Identity;

/// <summary>
/// The shared <c>Tenancy.Identity</c> pieces as the authorizer uses them (the API's HTTP tests cover the same verifier
/// over HTTP): the verified user, and the check of Lambda tenant isolation mode the API applies per invocation.
/// </summary>
public sealed class SharedVerifierTests : IDisposable
{
    private readonly TestIssuer _issuer = new();

    [Fact]
    public async Task A_genuine_token_yields_the_user_and_tenant_and_fetches_the_keys_once()
    {
        var verifier = _issuer.CreateVerifier();

        var first = await verifier.VerifyAsync("Bearer " + _issuer.AccessToken("acme"), CancellationToken.None);
        var second = await verifier.VerifyTokenAsync(_issuer.AccessToken("globex"), CancellationToken.None);

        Assert.Equal("9b2f6a1e-3c4d-4e5f-8a7b-0c1d2e3f4a5b", first.Subject);
        Assert.Equal("admin@acme.example", first.UserName);
        Assert.Equal(TenantId.Parse("acme"), first.TenantId);
        Assert.Equal(TenantId.Parse("globex"), second.TenantId);
    }

    [Theory]
    [InlineData(null, typeof(TenantClaimRejectedException))]
    [InlineData("Not A Tenant", typeof(TenantClaimRejectedException))]
    public async Task A_genuine_token_without_a_valid_tenant_is_a_tenant_claim_rejection(string? tenant, Type expected)
    {
        var error = await Record.ExceptionAsync(async () => await _issuer.CreateVerifier().VerifyTokenAsync(_issuer.AccessToken(tenant), CancellationToken.None));

        Assert.IsType(expected, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("Token abc")]
    public async Task A_missing_token_is_rejected(string header)
    {
        await Assert.ThrowsAsync<TokenRejectedException>(async () => await _issuer.CreateVerifier().VerifyAsync(header, CancellationToken.None));
    }

    [Fact]
    public void An_invocation_routed_for_another_tenant_is_refused_and_no_routing_means_no_check()
    {
        var user = new VerifiedUser("sub", null, TenantId.Parse("acme"), DateTimeOffset.UtcNow.AddHours(1));

        InvocationTenantCheck.EnsureSameTenant("acme", user);
        InvocationTenantCheck.EnsureSameTenant(null, user);
        var error = Assert.Throws<InvocationTenantMismatchException>(() => InvocationTenantCheck.EnsureSameTenant("globex", user));
        Assert.Throws<InvocationTenantMismatchException>(() => InvocationTenantCheck.EnsureSameTenant("ACME", user));

        Assert.DoesNotContain("globex", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _issuer.Dispose();
}
