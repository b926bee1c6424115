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
        var input = new JsonObject
        {
            ["tenantId"] = TenantId.Parse(tenantId).Value,
            ["name"] = name,
            ["tier"] = TenantRegistryItemCodec.TierName(tier),
            ["adminEmail"] = adminEmail,
        };
        await RunAsync(cloud, Onboarding, tenantId, input, cancellationToken).ConfigureAwait(false);
        return await cloud.ReadRegistrationAsync(tenantId, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantWorkflowFailedException(Onboarding, tenantId, "SUCCEEDED", null, "the registry has no item after onboarding");
    }

    /// <summary>Runs offboarding (data deleted, key scheduled for deletion, registry DELETED).</summary>
    /// <exception cref="TenantWorkflowFailedException">The execution did not succeed.</exception>
    public static Task OffboardAsync(LocalCloud cloud, string tenantId, CancellationToken cancellationToken) =>
        RunAsync(cloud, Offboarding, tenantId, new JsonObject { ["tenantId"] = TenantId.Parse(tenantId).Value }, cancellationToken);

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
