using Tenancy.Observability.Usage;

namespace Tenancy.ControlPlane.Tests.Metering;

/// <summary>Usage lines as the API writes them (through the real writer).</summary>
internal static class UsageLines
{
    public static string For(string tenantId, DateTimeOffset at, long itemsRead = 1, long itemsWritten = 0, string tier = "Basic")
    {
        using var output = new StringWriter();
        new UsageRecordWriter(output).Write(new UsageRecord
        {
            Timestamp = at,
            TenantId = tenantId,
            Tier = tier,
            Service = "tenant-api",
            Operation = "GET /orders/{id}",
            Status = 200,
            ItemsRead = itemsRead,
            ItemsWritten = itemsWritten,
            BytesIn = 0,
            BytesOut = 100,
            DurationMs = 2.5,
            ComputeMs = 3,
        });
        return output.ToString();
    }
}
