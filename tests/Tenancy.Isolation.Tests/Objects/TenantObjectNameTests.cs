using Tenancy.Isolation.Objects;

namespace Tenancy.Isolation.Tests.Objects;

public sealed class TenantObjectNameTests
{
    [Theory]
    [InlineData("invoice.pdf")]
    [InlineData("Rechnung März 2026.pdf")]
    [InlineData("a")]
    [InlineData("x.y.z")]
    [InlineData("report (final).csv")]
    public void Accepts_ordinary_names(string name) => Assert.Equal(name.Normalize(System.Text.NormalizationForm.FormC), TenantObjectName.Parse(name).Value);

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../globex/secret.txt")]
    [InlineData("a..b")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/name.txt")]
    [InlineData("back\\slash")]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("nul\0byte")]
    [InlineData("new\nline")]
    [InlineData("tab\tname")]
    [InlineData("del\u007Fchar")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("bidi\u202Eoverride")]
    [InlineData("bom\uFEFF")]
    [InlineData("line\u2028sep")]
    [InlineData("private\uE000use")]
    public void Refuses_names_that_could_escape_hide_or_confuse(string name)
    {
        Assert.False(TenantObjectName.TryParse(name, out _, out var reason));
        Assert.NotEmpty(reason);
        Assert.Throws<InvalidObjectNameException>(() => TenantObjectName.Parse(name));
    }

    [Fact]
    public void Refuses_names_over_the_length_and_byte_limits()
    {
        Assert.Throws<InvalidObjectNameException>(() => TenantObjectName.Parse(new string('a', TenantObjectName.MaxLength + 1)));
        Assert.Throws<InvalidObjectNameException>(() => TenantObjectName.Parse(new string('€', 200)));
        Assert.Equal(TenantObjectName.MaxLength, TenantObjectName.Parse(new string('a', TenantObjectName.MaxLength)).Value.Length);
    }

    [Fact]
    public void One_visible_name_has_one_spelling()
    {
        // The precomposed spelling is accepted; the decomposed one (e + combining acute) is refused, never stored as a twin.
        Assert.Equal("caf\u00E9.txt", TenantObjectName.Parse("caf\u00E9.txt").Value);
        Assert.Throws<InvalidObjectNameException>(() => TenantObjectName.Parse("cafe\u0301.txt"));
        Assert.Throws<InvalidObjectNameException>(() => TenantObjectName.Parse("lone" + (char)0xD800 + "surrogate"));
    }

    [Theory]
    [InlineData("orders/0190aa/attachments")]
    [InlineData("docs")]
    public void Accepts_areas_of_lower_case_segments(string area) => Assert.Equal(area, TenantObjectArea.Parse(area).Value);

    [Theory]
    [InlineData("")]
    [InlineData("/docs")]
    [InlineData("docs/")]
    [InlineData("docs//x")]
    [InlineData("../globex")]
    [InlineData("Docs")]
    [InlineData("a/b/c/d/e/f/g/h/i")]
    public void Refuses_areas_that_are_not_plain_segments(string area) => Assert.Throws<InvalidObjectNameException>(() => TenantObjectArea.Parse(area));

    [Fact]
    public void Keys_are_always_under_the_scope_tenants_prefix()
    {
        var key = TenantObjectKeys.For(TenantId.Parse("acme"), TenantObjectArea.Parse("orders/abc/attachments"), TenantObjectName.Parse("a.pdf"));
        Assert.Equal("tenants/acme/orders/abc/attachments/a.pdf", key);
        Assert.Equal("tenants/acme/docs/", TenantObjectKeys.AreaPrefix(TenantId.Parse("acme"), TenantObjectArea.Parse("docs")));
    }
}
