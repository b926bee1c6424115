namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Composes the Task dispatcher of a running local cloud: Lambda tasks to its function invoker (the real AOT
/// bootstraps), each <c>aws-sdk</c> service to the handler over the same store its wire endpoint serves.
/// </summary>
public static class LocalWorkflowTasks
{
    public static IStateMachineTaskDispatcher Create(LocalCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return new LocalTaskDispatcher(cloud.FunctionInvoker, [new KmsTaskHandler(cloud.KmsKeys, cloud.Time)]);
    }
}
