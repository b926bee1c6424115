using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Registry;

/// <summary>
/// A status change of the lifecycle: the states it may start from and the state it ends in. Each is one conditional
/// write on the current status, so a replayed or concurrent execution cannot skip or undo a transition.
/// </summary>
public sealed record RegistryTransition(string Name, IReadOnlyList<TenantStatus> From, TenantStatus To)
{
    public static readonly RegistryTransition Activate = new("activate", [TenantStatus.Provisioning], TenantStatus.Active);
    public static readonly RegistryTransition Suspend = new("suspend", [TenantStatus.Active], TenantStatus.Suspended);
    public static readonly RegistryTransition Resume = new("resume", [TenantStatus.Suspended], TenantStatus.Active);
    public static readonly RegistryTransition BeginOffboarding = new("begin-offboarding", [TenantStatus.Suspended], TenantStatus.Offboarding);
    public static readonly RegistryTransition CompleteOffboarding = new("complete-offboarding", [TenantStatus.Offboarding], TenantStatus.Deleted);
    public static readonly RegistryTransition Fail = new("fail", [TenantStatus.Provisioning], TenantStatus.Failed);

    /// <summary>Every plain status transition by name (registering and recording resources are writes of their own).</summary>
    public static IReadOnlyList<RegistryTransition> All { get; } = [Activate, Suspend, Resume, BeginOffboarding, CompleteOffboarding, Fail];

    public static RegistryTransition? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
