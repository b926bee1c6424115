namespace Tenancy.ControlPlane.Metering;

/// <summary>One subscription delivery in, its usage added to the counters (each group exactly once).</summary>
public sealed class UsageAggregator(UsageCounterStore counters)
{
    public async Task<AggregationSummary> AggregateAsync(LogsSubscriptionEvent delivery, CancellationToken cancellationToken)
    {
        var batch = UsageBatchReader.Read(LogsSubscriptionDecoder.Decode(delivery));
        int counted = 0, duplicates = 0, late = 0;
        foreach (var group in batch.Groups)
        {
            switch (await counters.AddAsync(group, cancellationToken).ConfigureAwait(false))
            {
                case GroupOutcome.Counted:
                    counted++;
                    break;
                case GroupOutcome.Duplicate:
                    duplicates++;
                    break;
                case GroupOutcome.Late:
                    late++;
                    break;
            }
        }

        return new AggregationSummary(batch.Records, batch.Malformed, batch.OtherLines, batch.Groups.Count, counted, duplicates, late);
    }
}
