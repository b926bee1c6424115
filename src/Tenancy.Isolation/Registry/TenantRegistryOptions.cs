namespace Tenancy.Isolation.Registry;

/// <summary>Settings of <see cref="DynamoDbTenantRegistry"/>. The defaults suit the application plane.</summary>
public sealed class TenantRegistryOptions
{
    /// <summary>The environment variable the template sets to the registry table name.</summary>
    public const string TableNameVariable = "TENANCY_REGISTRY_TABLE";

    /// <summary>The registry table (partition key <c>TenantId</c>).</summary>
    public string TableName { get; init; } = "TenantRegistry";

    /// <summary>How long a found registration is served from memory. Short, so a suspension takes effect quickly.</summary>
    public TimeSpan PositiveCacheDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long "not registered" and "not servable" answers are remembered (protects the table from floods of unknown ids).</summary>
    public TimeSpan NegativeCacheDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many tenants are remembered; the least recently used is dropped first.</summary>
    public int MaxCachedTenants { get; init; } = 10_000;

    /// <summary>
    /// Called once per read of an item that cannot be served (unknown enum value, missing attribute, wrong id), with
    /// the reason; hook logging here. The tenant is refused either way.
    /// </summary>
    public Action<TenantId, string>? UnservableRegistration { get; init; }

    /// <summary>Options with the table name from <see cref="TableNameVariable"/> when it is set.</summary>
    public static TenantRegistryOptions FromEnvironment()
    {
        var table = Environment.GetEnvironmentVariable(TableNameVariable);
        return string.IsNullOrWhiteSpace(table) ? new TenantRegistryOptions() : new TenantRegistryOptions { TableName = table };
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(TableName))
        {
            throw new ArgumentException("The tenant registry table name is required.", nameof(TableName));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(PositiveCacheDuration.Ticks, nameof(PositiveCacheDuration));
        ArgumentOutOfRangeException.ThrowIfNegative(NegativeCacheDuration.Ticks, nameof(NegativeCacheDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCachedTenants, 1, nameof(MaxCachedTenants));
    }
}
