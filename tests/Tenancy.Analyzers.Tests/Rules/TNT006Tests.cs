using Tenancy.Analyzers.Rules;
using Tenancy.Analyzers.Tests.Verification;

namespace Tenancy.Analyzers.Tests.Rules;

public sealed class TNT006Tests
{
    private static string Entity(string entityArguments, string index = "") => Samples.Usings + $$"""
        [TenantEntity({{entityArguments}})]
        {{index}}
        public sealed class Note
        {
            public string Id { get; set; } = "";
            public string Folder { get; set; } = "";
            public string TenantId { get; set; } = "";
        }
        """;

    [Theory]
    [InlineData("""{|TNT006:"TENANT#{Id}"|}""")]
    [InlineData("""{|TNT006:"NOTE#tenant#{Id}"|}""")]
    [InlineData("""{|TNT006:"NOTE#{TenantId}"|}""")]
    [InlineData("""{|TNT006:"NOTE#{tenant}#{Id}"|}""")]
    [InlineData("""{|TNT006:"#NOTE#{Id}"|}""")]
    [InlineData("""{|TNT006:"NOTE#{Id}"|}, PartitionKey = "X" """, "")]
    public Task Sort_key_templates_that_place_the_tenant_are_reported(string arguments, string index = "") =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Entity(arguments.Contains("PartitionKey", StringComparison.Ordinal) ? """ "NOTE#{Id}", {|TNT006:PartitionKey = "TENANT#{Folder}"|} """ : arguments, index));

    [Theory]
    [InlineData("""{|TNT006:PartitionKey = "#FOLDER#{Folder}"|}""")]
    [InlineData("""{|TNT006:PartitionKey = "Tenant"|}""")]
    [InlineData("""PartitionKey = "FOLDER", {|TNT006:SortKey = "{TenantId}"|}""")]
    public Task Index_templates_that_place_the_tenant_are_reported(string indexArguments) =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Entity("\"NOTE#{Id}\"", $$"""[TenantIndex("GSI1", {{indexArguments}})]"""));

    [Theory]
    [InlineData("\"NOTE#{Id}\"")]
    [InlineData("\"TENANTS#{Id}\", PartitionKey = \"FOLDER#{Folder}\"")]
    [InlineData("\"NOTE#{Id}\", PartitionKey = \"{Folder}\"")]
    public Task Templates_without_a_tenant_segment_are_clean(string arguments) =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Entity(arguments));
}
