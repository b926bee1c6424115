using Tenancy.Observability.Usage;

namespace Tenancy.ControlPlane.Metering;

/// <summary>Sums of usage records: what one counter holds.</summary>
public sealed class UsageTotals
{
    public long Requests { get; set; }

    public long ItemsRead { get; set; }

    public long ItemsWritten { get; set; }

    public long BytesIn { get; set; }

    public long BytesOut { get; set; }

    public long ComputeMs { get; set; }

    public void Add(UsageRecord record)
    {
        Requests += record.Requests;
        ItemsRead += record.ItemsRead;
        ItemsWritten += record.ItemsWritten;
        BytesIn += record.BytesIn;
        BytesOut += record.BytesOut;
        ComputeMs += record.ComputeMs;
    }
}
