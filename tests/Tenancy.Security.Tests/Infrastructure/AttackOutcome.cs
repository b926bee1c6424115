namespace Tenancy.Security.Tests.Infrastructure;

/// <summary>How one cross-tenant attempt ended.</summary>
public enum AttackOutcome
{
    /// <summary>Refused: access denied, not found, invalid request, 4xx problem, 401.</summary>
    Denied,

    /// <summary>Allowed, but it reached nothing of another tenant (an empty result, or the attacker's own partition).</summary>
    Empty,

    /// <summary>A byte of another tenant's data came back, or another tenant's data changed.</summary>
    Leaked,
}
