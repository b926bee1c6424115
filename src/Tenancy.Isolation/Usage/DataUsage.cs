namespace Tenancy.Isolation.Usage;

/// <summary>
/// The tenant data read and written by the unit of work in progress on this asynchronous flow (one API request), for
/// metering. The tenant's DynamoDB client adds to it after every successful call; nothing else reads it.
/// </summary>
public static class DataUsage
{
    private static readonly AsyncLocal<DataUsageCounter?> CurrentCounter = new();

    /// <summary>The counter of the unit of work in progress, or null outside one.</summary>
    public static DataUsageCounter? Current => CurrentCounter.Value;

    /// <summary>Starts counting for the current flow until the returned counter is disposed.</summary>
    public static DataUsageCounter Begin()
    {
        var counter = new DataUsageCounter(CurrentCounter.Value, static previous => CurrentCounter.Value = previous);
        CurrentCounter.Value = counter;
        return counter;
    }
}
