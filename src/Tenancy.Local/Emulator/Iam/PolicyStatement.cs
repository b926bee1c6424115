namespace Tenancy.Local.Emulator.Iam;

/// <summary>One statement of an IAM policy. Exactly one of Actions/NotActions and at most one of Resources/NotResources is set.</summary>
public sealed record PolicyStatement(
    string? Sid,
    bool IsAllow,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? NotActions,
    IReadOnlyList<string>? Resources,
    IReadOnlyList<string>? NotResources,
    PolicyPrincipal? Principal,
    IReadOnlyList<PolicyCondition> Conditions);
