using System.Text.Json.Nodes;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Local.Emulator;

namespace Tenancy.Local.Run.Tenants;

/// <summary>
/// Changes tenants the only way the product allows: an execution of the template's lifecycle state machine in the
/// local cloud (the same definition, the same Lambda and SDK tasks as in AWS), awaited to its end.
/// </summary>
public static class TenantLifecycleWorkflows
{
    public const string Onboarding = "OnboardingStateMachine";
    public const string Offboarding = "OffboardingStateMachine";

    /// <summary>Runs onboarding and returns what the registry then records.</summary>
    /// <exception cref="TenantWorkflowFailedException">The execution did not succeed.</exception>
    public static async Task<TenantRegistration> OnboardAsync(LocalCloud cloud, string tenantId, string name, TenantTier tier, string adminEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        await RunAsync(cloud, Onboarding, tenantId, OnboardingInput(tenantId, name, tier, adminEmail), cancellationToken).ConfigureAwait(false);
        return await cloud.ReadRegistrationAsync(tenantId, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantWorkflowFailedException(Onboarding, tenantId, "SUCCEEDED", null, "the registry has no item after onboarding");
    }

    /// <summary>The onboarding state machine's input (the shape its first state and docs/control-plane.md name).</summary>
    public static JsonObject OnboardingInput(string tenantId, string name, TenantTier tier, string adminEmail) => new()
    {
        ["tenantId"] = TenantId.Parse(tenantId).Value,
        ["name"] = name,
        ["tier"] = TenantRegistryItemCodec.TierName(tier),
        ["adminEmail"] = adminEmail,
    };

    /// <summary>The offboarding state machine's input.</summary>
    public static JsonObject OffboardingInput(string tenantId) => new() { ["tenantId"] = TenantId.Parse(tenantId).Value };

    /// <summary>Runs offboarding (data deleted, key scheduled for deletion, registry DELETED).</summary>
    /// <exception cref="TenantWorkflowFailedException">The execution did not succeed.</exception>
    public static Task OffboardAsync(LocalCloud cloud, string tenantId, CancellationToken cancellationToken) =>
        RunAsync(cloud, Offboarding, tenantId, OffboardingInput(tenantId), cancellationToken);

    private static async Task RunAsync(LocalCloud cloud, string stateMachineLogicalId, string tenantId, JsonObject input, CancellationToken cancellationToken)
    {
        var stateMachine = cloud.Executions.StateMachines.ByLogicalId(stateMachineLogicalId);
        var name = $"{tenantId}-{Guid.NewGuid():N}";
        var execution = cloud.Executions.Start(stateMachine, name, input.ToJsonString())
            ?? throw new TenantWorkflowFailedException(stateMachineLogicalId, tenantId, "NOT_STARTED", "ExecutionAlreadyExists", name);
        await execution.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (execution.Status != "SUCCEEDED")
        {
            throw new TenantWorkflowFailedException(stateMachineLogicalId, tenantId, execution.Status, execution.Error, execution.Cause);
        }
    }
}
