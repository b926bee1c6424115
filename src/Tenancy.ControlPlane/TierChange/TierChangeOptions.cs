namespace Tenancy.ControlPlane.TierChange;

/// <summary>How much one invocation of a paginated tier-change action does.</summary>
public sealed record TierChangeOptions
{
    /// <summary>Items copied, digested or deleted per invocation at most; the workflow loops on the cursor.</summary>
    public int MaxItemsPerInvocation { get; init; } = 1000;

    /// <summary>Items per listing page.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Time left before the function's deadline at which a call stops and returns its cursor.</summary>
    public TimeSpan ReserveTime { get; init; } = TimeSpan.FromSeconds(10);
}
