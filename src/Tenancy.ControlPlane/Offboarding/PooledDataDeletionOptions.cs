namespace Tenancy.ControlPlane.Offboarding;

/// <summary>Where the pooled items live and how much one invocation may do.</summary>
public sealed record PooledDataDeletionOptions
{
    public const string TableVariable = "TENANCY_APPDATA_TABLE";
    public const string MaxItemsVariable = "TENANCY_DELETION_MAX_ITEMS";

    /// <summary>The pooled tenant data table (<c>AppData</c>).</summary>
    public required string TableName { get; init; }

    /// <summary>
    /// Upper bound of items one invocation deletes: about 40 BatchWriteItem calls at the default, seconds of work, far
    /// under any sensible function timeout even with retries.
    /// </summary>
    public int MaxItemsPerInvocation { get; init; } = 1000;

    /// <summary>Stop early when the invocation has less than this left, so the cursor is always returned.</summary>
    public TimeSpan ReserveTime { get; init; } = TimeSpan.FromSeconds(10);

    public static PooledDataDeletionOptions FromEnvironment()
    {
        var table = Environment.GetEnvironmentVariable(TableVariable);
        if (string.IsNullOrWhiteSpace(table))
        {
            throw new InvalidOperationException($"{TableVariable} is not set: the pooled table to delete from is unknown.");
        }

        var options = new PooledDataDeletionOptions { TableName = table };
        return Environment.GetEnvironmentVariable(MaxItemsVariable) is { Length: > 0 } max
            && int.TryParse(max, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var items) && items > 0
            ? options with { MaxItemsPerInvocation = items }
            : options;
    }
}
