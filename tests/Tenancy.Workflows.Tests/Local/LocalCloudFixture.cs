using Tenancy.Local.Emulator;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>One real local cloud (DynamoDB Local, local Cognito, API Gateway, KMS, EventBridge) for a test class.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    private LocalCloud? _cloud;

    public LocalCloud Cloud => _cloud ?? throw new InvalidOperationException("The local cloud has not started.");

    public async Task InitializeAsync() => _cloud = await LocalCloud.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }
}
