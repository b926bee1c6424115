using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Tenancy.Isolation;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.CognitoIdp;

namespace Tenancy.Local.Tests.Cloud;

/// <summary>One local cloud for the collection, with a pooled tenant (acme), a look-alike pooled tenant (acme2) and a siloed one (globex).</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    public LocalCloud Cloud { get; private set; } = null!;

    public OnboardedTenant Acme { get; private set; } = null!;

    public OnboardedTenant Acme2 { get; private set; } = null!;

    public OnboardedTenant Globex { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A pool without a trigger, whatever the template declares: these tests read Cognito's own token shapes.
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { UserPool = new UserPoolOptions() });
        Acme = await Cloud.OnboardTenantAsync("acme", "Acme", TenantTier.Basic, TenancyModel.Pool);
        Acme2 = await Cloud.OnboardTenantAsync("acme2", "Acme Two", TenantTier.Basic, TenancyModel.Pool);
        Globex = await Cloud.OnboardTenantAsync("globex", "Globex", TenantTier.Premium, TenancyModel.Silo);
    }

    public async Task DisposeAsync() => await Cloud.DisposeAsync();

    /// <summary>AssumeRole on the tenant data role with the API principal's credentials, as the API does.</summary>
    public Task<SessionAWSCredentials> TenantCredentialsAsync(string tenantId, int durationSeconds = 900) =>
        TenantCredentialsAsync(Cloud, tenantId, durationSeconds);

    /// <summary>AssumeRole on the tenant data role of <paramref name="cloud"/> with its API principal's credentials.</summary>
    public static async Task<SessionAWSCredentials> TenantCredentialsAsync(LocalCloud cloud, string tenantId, int durationSeconds = 900)
    {
        using var sts = cloud.CreateStsClient(cloud.ApiCredentials.ToAwsCredentials());
        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = cloud.TenantDataRoleArn,
            RoleSessionName = $"tenant-{tenantId}",
            DurationSeconds = durationSeconds,
            Tags = [new Tag { Key = "TenantID", Value = tenantId }],
            TransitiveTagKeys = ["TenantID"],
        });
        var c = response.Credentials;
        return new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }
}

[CollectionDefinition(Name)]
public sealed class LocalCloudCollection : ICollectionFixture<LocalCloudFixture>
{
    public const string Name = "local cloud";
}
