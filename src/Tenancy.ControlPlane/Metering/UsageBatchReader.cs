using Tenancy.Observability.Usage;

namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// Reads a decoded delivery into tenant-hour groups. A malformed usage line is counted and skipped, never fatal to the
/// rest of the batch; other log lines are ignored.
/// </summary>
public static class UsageBatchReader
{
    public static UsageBatch Read(LogsSubscriptionPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!string.Equals(payload.MessageType, LogsSubscriptionPayload.DataMessage, StringComparison.Ordinal) || payload.LogEvents is null)
        {
            return new UsageBatch([], 0, 0, 0);
        }

        var groups = new Dictionary<(string Tenant, UsageHour Hour), UsageGroup>();
        int records = 0, malformed = 0, other = 0;
        foreach (var logEvent in payload.LogEvents)
        {
            var line = logEvent.Message is null ? default : UsageRecordParser.Parse(logEvent.Message);
            switch (line.Kind)
            {
                case UsageLineKind.Usage when !string.IsNullOrEmpty(logEvent.Id):
                    var record = line.Record!;
                    var key = (record.TenantId, UsageHour.Of(record.Timestamp));
                    if (!groups.TryGetValue(key, out var group))
                    {
                        group = new UsageGroup(key.TenantId, key.Item2);
                        groups.Add(key, group);
                    }

                    group.Tier = record.Tier;
                    group.Totals.Add(record);
                    group.EventIds.Add(logEvent.Id);
                    records++;
                    break;
                case UsageLineKind.Usage:
                case UsageLineKind.Malformed:
                    // A usage line without an event id cannot be deduplicated, so it is refused like a broken one.
                    malformed++;
                    break;
                default:
                    other++;
                    break;
            }
        }

        return new UsageBatch([.. groups.Values], records, malformed, other);
    }
}
