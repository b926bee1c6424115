namespace Tenancy.Local.Emulator.Iam;

/// <summary>The result of evaluating policies for one action on one resource.</summary>
public enum PolicyDecision
{
    /// <summary>No statement allowed it (the default).</summary>
    ImplicitDeny,

    Allow,

    /// <summary>A Deny statement matched; it beats every Allow.</summary>
    ExplicitDeny,
}
