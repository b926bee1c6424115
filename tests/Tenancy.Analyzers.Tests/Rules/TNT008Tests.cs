using Tenancy.Analyzers.Rules;
using Tenancy.Analyzers.Tests.Verification;

namespace Tenancy.Analyzers.Tests.Rules;

public sealed class TNT008Tests
{
    private const string Ticket = """
        [TenantEntity("TICKET#{Id}")]
        public sealed class Ticket
        {
            public string Id { get; set; } = "";
            public string Status { get; set; } = "";
            [StoredName("prio")] public int Priority { get; set; }
            [Sensitive] public string Reporter { get; set; } = "";
            [Encrypted] public string? Notes { get; set; }
            [NotStored] public string Display { get; set; } = "";
            public int Length => Id.Length;
        }

        """;

    private static string Projection(string body, string declaration = "public sealed partial record TicketView") => Samples.Usings + Ticket + $$"""
        [TenantProjection(typeof(Ticket))]
        {{declaration}}
        {
        {{body}}
        }
        """;

    [Theory]
    [InlineData("public string {|TNT008:Reporter|} { get; init; } = \"\";")]
    [InlineData("public string? {|TNT008:Notes|} { get; init; }")]
    [InlineData("public string {|TNT008:Owner|} { get; init; } = \"\";")]
    [InlineData("public string {|TNT008:Display|} { get; init; } = \"\";")]
    [InlineData("public int {|TNT008:Length|} { get; init; }")]
    [InlineData("public string Id { get; init; } = \"\"; public string {|TNT008:Reporter|} { get; init; } = \"\"; public string {|TNT008:Nope|} { get; init; } = \"\";")]
    public Task A_projection_naming_a_sensitive_or_unknown_property_is_reported(string body) =>
        AnalyzerTest<ProjectionDeclarationAnalyzer>.VerifyAsync(Projection(body));

    [Theory]
    [InlineData("public string Id { get; init; } = \"\"; public int Priority { get; init; }")]
    [InlineData("public string Status { get; init; } = \"\"; public string Summary => Status;")]
    public Task Non_sensitive_stored_properties_are_clean(string body) =>
        AnalyzerTest<ProjectionDeclarationAnalyzer>.VerifyAsync(Projection(body));

    [Fact]
    public Task A_positional_projection_is_checked_like_any_other() =>
        AnalyzerTest<ProjectionDeclarationAnalyzer>.VerifyAsync(Samples.Usings + Ticket + """
            [TenantProjection(typeof(Ticket))]
            public sealed partial record TicketView(string Id, string {|TNT008:Reporter|});
            """);

    [Theory]
    [InlineData("public long {|TNT002:Priority|} { get; init; }", "public sealed partial record TicketView")]
    [InlineData("[StoredName(\"p\")] public int {|TNT002:Priority|} { get; init; }", "public sealed partial record TicketView")]
    [InlineData("public string Id { get; init; } = \"\";", "public sealed record {|TNT002:TicketView|}")]
    public Task A_retyped_renamed_or_non_partial_projection_is_invalid(string body, string declaration) =>
        AnalyzerTest<ProjectionDeclarationAnalyzer>.VerifyAsync(Projection(body, declaration));
}
