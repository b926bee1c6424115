namespace Tenancy.ControlPlane.Registry;

/// <summary>
/// Input of the <c>registry</c> function: which change (<c>register</c>, <c>record-resources</c>, <c>activate</c>,
/// <c>suspend</c>, <c>resume</c>, <c>begin-offboarding</c>, <c>complete-offboarding</c>, <c>fail</c>, <c>get</c>) and
/// its data.
/// </summary>
public sealed record RegistryRequest
{
    public string? Transition { get; init; }

    public string? TenantId { get; init; }

    /// <summary>Display name (<c>register</c>).</summary>
    public string? Name { get; init; }

    /// <summary><c>Basic</c> or <c>Premium</c> (<c>register</c>).</summary>
    public string? Tier { get; init; }

    /// <summary>Resources just created (<c>record-resources</c>).</summary>
    public RegistryResources? Resources { get; init; }

    /// <summary>Why onboarding failed (<c>fail</c>): a Step Functions error object or text.</summary>
    public string? Cause { get; init; }
}
