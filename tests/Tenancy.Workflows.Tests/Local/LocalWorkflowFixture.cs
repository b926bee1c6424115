using Tenancy.Isolation;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>
/// A real local cloud running the template's state machines through <see cref="LocalWorkflows"/>: every aws-sdk
/// Task lands in the cloud's own stores (KMS, Cognito, API Gateway, DynamoDB Local, S3, EventBridge) and every
/// Lambda task, like the Cognito pre-token trigger, runs the template's own Native-AOT function with its execution
/// role. Faults can be injected per state in front of the real dispatcher.
/// </summary>
public sealed class LocalWorkflowFixture : IAsyncLifetime
{
    private LocalCloud? _cloud;
    private LocalWorkflows? _workflows;

    public LocalCloud Cloud => _cloud ?? throw new InvalidOperationException("The local cloud has not started.");

    public FaultInjectingTaskDispatcher Faults { get; private set; } = null!;

    public LocalWorkflows Workflows => _workflows ?? throw new InvalidOperationException("The workflows are not ready.");

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { TemplateFunctions = new LocalTemplateFunctionsOptions() });
        // Every control-plane function shares one bootstrap: publishing it here keeps the build out of the first test's execution.
        await _cloud.TemplateFunctions!.PrepareAsync("RegistryFunction", CancellationToken.None);
        Faults = new FaultInjectingTaskDispatcher(_cloud.CreateWorkflowTasks());
        _workflows = new LocalWorkflows(_cloud, await StepFunctionsToolsInstallation.EnsureInstalledAsync(), Faults);
    }

    /// <summary>The tenant's registry item, read from DynamoDB Local through the registry codec; fails when there is none.</summary>
    public async Task<TenantRegistration> RegistrationAsync(string tenantId) =>
        await Cloud.ReadRegistrationAsync(tenantId) ?? throw new Xunit.Sdk.XunitException($"The registry has no item for '{tenantId}'.");

    public async Task DisposeAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }
}
