using Amazon.S3;
using Tenancy.Local.Emulator;

namespace Tenancy.ControlPlane.Tests.Offboarding;

/// <summary>One local cloud (its S3 is what these tests use) and an S3 client with the admin principal, which stands in for the control plane's role.</summary>
public sealed class LocalS3Fixture : IAsyncLifetime
{
    public LocalCloud Cloud { get; private set; } = null!;

    public AmazonS3Client S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { CreateTables = false });
        S3 = Cloud.CreateS3Client(Cloud.AdminCredentials.ToAwsCredentials());
    }

    public async Task DisposeAsync()
    {
        S3.Dispose();
        await Cloud.DisposeAsync();
    }
}
