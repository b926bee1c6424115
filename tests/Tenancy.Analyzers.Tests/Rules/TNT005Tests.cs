using Tenancy.Analyzers.Rules;
using Tenancy.Analyzers.Tests.Verification;

namespace Tenancy.Analyzers.Tests.Rules;

public sealed class TNT005Tests
{
    private static string Entity(string index) => Samples.Usings + $$"""
        [TenantEntity("TICKET#{Id}")]
        {{index}}
        [TenantIndex("ByOwner", PartitionKey = "OWNER#{Owner}")]
        public sealed class Ticket
        {
            public string Id { get; set; } = "";
            public string Owner { get; set; } = "";
            public string Status { get; set; } = "";
            [StoredName("prio")] public int Priority { get; set; }
        }
        """;

    [Theory]
    [InlineData("""[TenantIndex("GSI1", PartitionKey = "STATUS#{Status}", {|TNT005:PartitionKeyAttributeName = "Status"|})]""")]
    [InlineData("""[TenantIndex("GSI1", PartitionKey = "{Status}", {|TNT005:PartitionKeyAttributeName = "prio"|})]""")]
    [InlineData("""[TenantIndex("GSI1", PartitionKey = "STATUS#{Status}", {|TNT005:PartitionKeyAttributeName = "PK"|})]""")]
    [InlineData("""[TenantIndex("GSI1", PartitionKey = "STATUS#{Status}", {|TNT005:PartitionKeyAttributeName = "SK"|})]""")]
    [InlineData("""[TenantIndex("GSI1", PartitionKey = "STATUS", SortKey = "{Id}", {|TNT005:PartitionKeyAttributeName = "GSI1SK"|})]""")]
    [InlineData("""[TenantIndex("GSI1", PartitionKey = "STATUS", {|TNT005:PartitionKeyAttributeName = " "|})]""")]
    [InlineData("""[TenantIndex({|TNT005:"Status"|}, PartitionKey = "STATUS")] [TenantIndex("Other", PartitionKey = "X", {|TNT005:PartitionKeyAttributeName = "StatusPK"|})]""")]
    public Task Index_partition_attributes_that_are_not_only_tenant_prefixed_are_reported(string index) =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Entity(index));

    [Theory]
    [InlineData("""[TenantIndex("GSI1", PartitionKey = "STATUS#{Status}", SortKey = "{Id}", PartitionKeyAttributeName = "GSI1PK", SortKeyAttributeName = "GSI1SK")]""")]
    [InlineData("""[TenantIndex("GSI2")]""")]
    [InlineData("""[TenantIndex("GSI3", PartitionKey = "{Status}")]""")]
    public Task Dedicated_index_partition_attributes_are_clean(string index) =>
        AnalyzerTest<TenantEntityAnalyzer>.VerifyAsync(Entity(index));
}
