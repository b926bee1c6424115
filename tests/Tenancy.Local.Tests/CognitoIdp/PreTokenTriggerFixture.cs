using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.CognitoIdp;

namespace Tenancy.Local.Tests.CognitoIdp;

/// <summary>A local cloud whose user pool has a V2_0 pre token generation trigger, served by <see cref="RecordingPreTokenFunction"/>.</summary>
public sealed class PreTokenTriggerFixture : IAsyncLifetime
{
    public RecordingPreTokenFunction Function { get; } = new();

    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            FunctionInvoker = Function,
            CreateTables = false,
            UserPool = new UserPoolOptions { PreTokenGenerationFunction = RecordingPreTokenFunction.LogicalId },
        });
    }

    public async Task DisposeAsync() => await Cloud.DisposeAsync();
}
