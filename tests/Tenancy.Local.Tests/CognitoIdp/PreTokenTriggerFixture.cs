using Tenancy.Local.Emulator;

namespace Tenancy.Local.Tests.CognitoIdp;

/// <summary>A local cloud whose user pool has a V2_0 pre token generation trigger, served by <see cref="RecordingPreTokenFunction"/>.</summary>
public sealed class PreTokenTriggerFixture : IAsyncLifetime
{
    public RecordingPreTokenFunction Function { get; } = new();

    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalCloudOptions { FunctionInvoker = Function, CreateTables = false };
        options.UserPool.PreTokenGenerationFunction = RecordingPreTokenFunction.LogicalId;
        Cloud = await LocalCloud.StartAsync(options);
    }

    public async Task DisposeAsync() => await Cloud.DisposeAsync();
}
