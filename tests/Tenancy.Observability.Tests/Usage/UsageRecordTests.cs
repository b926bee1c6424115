using Tenancy.Observability.Usage;

namespace Tenancy.Observability.Tests.Usage;

/// <summary>The usage line the API writes is the line the aggregator reads; anything else is refused, never half-read.</summary>
public sealed class UsageRecordTests
{
    private static readonly UsageRecord Sample = new()
    {
        Timestamp = new DateTimeOffset(2026, 12, 2, 16, 59, 59, 999, TimeSpan.Zero),
        TenantId = "acme",
        Tier = "Basic",
        Service = "tenant-api",
        Operation = "GET /orders/{id}",
        Status = 200,
        ItemsRead = 3,
        ItemsWritten = 1,
        BytesIn = 10,
        BytesOut = 250,
        DurationMs = 4.25,
        ComputeMs = 5,
    };

    [Fact]
    public void A_written_record_reads_back_equal()
    {
        var line = Write(Sample);
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.StartsWith("{\"_tenancy_usage\":1,", line, StringComparison.Ordinal);

        var read = UsageRecordParser.Parse(line);

        Assert.Equal(UsageLineKind.Usage, read.Kind);
        Assert.Equal(Sample, read.Record);
    }

    [Theory]
    [InlineData("{\"level\":\"Information\",\"message\":\"GET /orders answered 200\"}")]
    [InlineData("START RequestId: 8f5c Version: $LATEST")]
    [InlineData("{\"_aws\":{\"Timestamp\":1},\"Requests\":1}")]
    [InlineData("a log message that mentions _tenancy_usage in passing")]
    public void Other_lines_are_not_usage(string line) => Assert.Equal(UsageLineKind.NotUsage, UsageRecordParser.Parse(line).Kind);

    [Theory]
    [InlineData("{\"_tenancy_usage\":1,")]
    [InlineData("{\"_tenancy_usage\":2,\"timestamp\":\"2026-12-02T16:00:00Z\",\"tenant_id\":\"acme\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":1}")]
    [InlineData("{\"_tenancy_usage\":1,\"timestamp\":\"2026-12-02T16:00:00Z\",\"tenant_id\":\"ACME\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":1}")]
    [InlineData("{\"_tenancy_usage\":1,\"timestamp\":\"2026-12-02T16:00:00Z\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":1}")]
    [InlineData("{\"_tenancy_usage\":1,\"timestamp\":\"yesterday\",\"tenant_id\":\"acme\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":1}")]
    [InlineData("{\"_tenancy_usage\":1,\"timestamp\":\"2026-12-02T16:00:00Z\",\"tenant_id\":\"acme\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":1,\"items_read\":-4}")]
    [InlineData("{\"_tenancy_usage\":1,\"timestamp\":\"2026-12-02T16:00:00Z\",\"tenant_id\":\"acme\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":0}")]
    [InlineData("{\"_tenancy_usage\":1,\"timestamp\":\"2026-12-02T16:00:00Z\",\"tenant_id\":\"acme\",\"tenant_id\":\"globex\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":1}")]
    [InlineData("{\"_tenancy_usage\":1,\"timestamp\":\"2026-12-02T16:00:00Z\",\"tenant_id\":\"acme\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":1} trailing")]
    [InlineData("{\"_tenancy_usage\":1,\"timestamp\":\"2026-12-02T16:00:00Z\",\"tenant_id\":\"acme\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":1.5}")]
    public void Lines_with_the_marker_that_cannot_be_trusted_are_malformed(string line)
    {
        var read = UsageRecordParser.Parse(line);

        Assert.Equal(UsageLineKind.Malformed, read.Kind);
        Assert.Null(read.Record);
        Assert.False(string.IsNullOrEmpty(read.Problem));
    }

    [Fact]
    public void Unknown_fields_of_the_same_version_are_tolerated()
    {
        var line = Write(Sample).TrimEnd().TrimEnd('}') + ",\"region\":\"eu-west-1\"}";

        Assert.Equal(Sample, UsageRecordParser.Parse(line).Record);
    }

    private static string Write(UsageRecord record)
    {
        using var output = new StringWriter();
        new UsageRecordWriter(output).Write(record);
        return output.ToString();
    }
}
