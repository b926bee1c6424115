using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.StepFunctions;
using Tenancy.Workflows.Tests.Simulated;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>
/// A real local cloud running the template's state machines through <see cref="LocalWorkflows"/>: every aws-sdk
/// Task lands in the cloud's own stores (KMS, Cognito, API Gateway, DynamoDB Local, EventBridge). The Lambda tasks
/// (registry transitions) are still answered by the registry simulation until the control-plane bootstrap serves them.
/// </summary>
public sealed class LocalWorkflowFixture : IAsyncLifetime
{
    private LocalCloud? _cloud;
    private LocalWorkflows? _workflows;

    public SimulatedRegistry Registry { get; } = new();

    public SimulatedTenantData Data { get; } = new();

    public LocalCloud Cloud => _cloud ?? throw new InvalidOperationException("The local cloud has not started.");

    public FaultInjectingTaskDispatcher Faults { get; private set; } = null!;

    public LocalWorkflows Workflows => _workflows ?? throw new InvalidOperationException("The workflows are not ready.");

    public async Task InitializeAsync()
    {
        var options = new LocalCloudOptions { FunctionInvoker = new SimulatedFunctions(Registry, Data) };
        _cloud = await LocalCloud.StartAsync(options);
        Faults = new FaultInjectingTaskDispatcher(_cloud.CreateWorkflowTasks());
        _workflows = new LocalWorkflows(_cloud, await StepFunctionsToolsInstallation.EnsureInstalledAsync(), Faults);
    }

    public async Task DisposeAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }
}
