namespace Tenancy.Isolation.Tests;

public sealed class TenantIdTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("acme-corp")]
    [InlineData("t1-2-3")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public void Parses_valid_ids(string value)
    {
        var id = TenantId.Parse(value);

        Assert.Equal(value, id.Value);
        Assert.Equal(value, id.ToString());
        Assert.Equal(id, TenantId.Parse(value));
    }

    [Theory]
    [InlineData("ab", "3 to 32 characters")]
    [InlineData("0123456789abcdef0123456789abcdef0", "3 to 32 characters")]
    [InlineData("Acme", "character 0 ('A')")]
    [InlineData("ac#me", "character 2 ('#')")]
    [InlineData("ac/me", "character 2 ('/')")]
    [InlineData("ac*me", "character 2 ('*')")]
    [InlineData("ac me", "character 2 (U+0020)")]
    [InlineData("acme\n", "character 4 (U+000A)")]
    [InlineData("acm\u0435", "character 3 (U+0435)")] // Cyrillic 'е' look-alike
    [InlineData("-acme", "start and end")]
    [InlineData("acme-", "start and end")]
    public void Rejects_invalid_ids_with_a_precise_error(string value, string expected)
    {
        Assert.False(TenantId.TryParse(value, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        var ex = Assert.Throws<InvalidTenantIdException>(() => TenantId.Parse(value));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void Default_is_empty_and_unusable()
    {
        TenantId id = default;

        Assert.True(id.IsEmpty);
        Assert.Throws<InvalidOperationException>(() => id.Value);
        Assert.False(TenantId.TryParse(null, out _));
    }
}
