using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Local.Tests.StepFunctions;

/// <summary>A local cloud whose functions are <see cref="ScriptedRegistryFunction"/>: the state machines and the Lambda endpoint reach it.</summary>
public sealed class ScriptedFunctionsCloudFixture : IAsyncLifetime
{
    public ScriptedRegistryFunction Registry { get; } = new();

    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { FunctionInvoker = Registry, CreateTables = false });
        // The silo table's Wait loop polls in milliseconds rather than the definition's seconds.
        Cloud.Executions.RunOptions = StateMachineRunOptions.Fast;
    }

    public async Task DisposeAsync() => await Cloud.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ScriptedFunctionsCloudCollection : ICollectionFixture<ScriptedFunctionsCloudFixture>
{
    public const string Name = "local cloud with scripted functions";
}
