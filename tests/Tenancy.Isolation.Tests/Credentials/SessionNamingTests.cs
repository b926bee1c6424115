using Tenancy.Isolation.Credentials;

namespace Tenancy.Isolation.Tests.Credentials;

public sealed class SessionNamingTests
{
    [Theory]
    [InlineData("3f2a9c1e-7b4d-4e7a-9c1e-7b4d4e7a9c1e")]
    [InlineData("alice@example.com")]
    [InlineData("svc_orders+batch=1,2.x")]
    [InlineData("ab")]
    public void Valid_user_ids_become_the_source_identity_unchanged(string userId)
    {
        Assert.True(SourceIdentity.TryCreate(userId, out var value, out _));
        Assert.Equal(userId, value);
    }

    [Fact]
    public void Surrounding_whitespace_is_trimmed()
    {
        Assert.True(SourceIdentity.TryCreate("  alice  ", out var value, out _));
        Assert.Equal("alice", value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("alice smith")]
    [InlineData("alice/admin")]
    [InlineData("bob#1")]
    [InlineData("zoë")]
    [InlineData("aws:lambda")]
    [InlineData("AWS:x")]
    public void User_ids_sts_would_reject_are_refused_not_rewritten(string? userId)
    {
        Assert.False(SourceIdentity.TryCreate(userId, out var value, out var error));
        Assert.Equal(string.Empty, value);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Overlong_user_ids_are_refused()
    {
        Assert.True(SourceIdentity.TryCreate(new string('a', 64), out _, out _));
        Assert.False(SourceIdentity.TryCreate(new string('a', 65), out _, out _));
    }

    [Fact]
    public void Session_name_names_the_tenant_and_a_short_user_hash_within_sts_limits()
    {
        var tenant = TenantId.Parse(new string('t', 32));

        var name = TenantSessionName.For("tenancy-prefix16", tenant, "3f2a9c1e-7b4d-4e7a-9c1e-7b4d4e7a9c1e");

        Assert.Matches("^tenancy-prefix16-t{32}-[0-9a-f]{8}$", name);
        Assert.True(name.Length <= 64);
        Assert.Equal(name, TenantSessionName.For("tenancy-prefix16", tenant, "3f2a9c1e-7b4d-4e7a-9c1e-7b4d4e7a9c1e"));
        Assert.NotEqual(name, TenantSessionName.For("tenancy-prefix16", tenant, "someone-else"));
    }
}
