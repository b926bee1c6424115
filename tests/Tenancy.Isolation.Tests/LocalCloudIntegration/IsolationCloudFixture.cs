using Amazon.DynamoDBv2;
using Amazon.SecurityToken;
using Tenancy.Isolation.Credentials;
using Tenancy.Isolation.Encryption;
using Tenancy.Isolation.Registry;
using Tenancy.Local.Emulator;

namespace Tenancy.Isolation.Tests.LocalCloudIntegration;

/// <summary>
/// The real local cloud (DynamoDB Local behind local IAM, local STS and KMS) with two onboarded tenants: acme
/// (basic, pooled) and globex (premium, siloed). Components are wired exactly as the API wires them: the registry
/// and STS with the API function's own credentials, tenant clients with vended credentials only.
/// </summary>
public sealed class IsolationCloudFixture : IAsyncLifetime
{
    private readonly List<IDisposable> _owned = [];
    private LocalCloud? _cloud;

    public LocalCloud Cloud => _cloud ?? throw new InvalidOperationException("The local cloud is not running.");

    public OnboardedTenant Acme { get; private set; } = null!;

    public OnboardedTenant Globex { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        Acme = await _cloud.OnboardTenantAsync("acme", "Acme Corp", TenantTier.Basic, TenancyModel.Pool);
        Globex = await _cloud.OnboardTenantAsync("globex", "Globex", TenantTier.Premium, TenancyModel.Silo);
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    /// <summary>The registry as the API reads it: GetItem with the API function's own credentials.</summary>
    public DynamoDbTenantRegistry NewRegistry()
    {
        var client = Own(Cloud.CreateDynamoDbClient(Cloud.ApiCredentials.ToAwsCredentials()));
        return new DynamoDbTenantRegistry(client, new TenantRegistryOptions { TableName = Cloud.TenantRegistryTableName });
    }

    /// <summary>A provider whose STS client signs with the API function's own credentials.</summary>
    public StsTenantClientProvider NewProvider(ITenantRegistry registry, TimeProvider? time = null, TimeSpan? duration = null)
    {
        var sts = Own<IAmazonSecurityTokenService>(Cloud.CreateStsClient(Cloud.ApiCredentials.ToAwsCredentials()));
        var endpoint = Cloud.Endpoint.ToString();
        return Own(new StsTenantClientProvider(
            new TenantCredentialOptions
            {
                RoleArn = Cloud.TenantDataRoleArn,
                Region = Cloud.Region,
                SessionDuration = duration ?? TimeSpan.FromHours(1),
                DynamoDbServiceUrl = endpoint,
                KmsServiceUrl = endpoint,
                S3ServiceUrl = endpoint,
            },
            registry,
            sts,
            time));
    }

    public KmsTenantFieldEncryptorFactory NewEncryptorFactory(FieldEncryptionOptions? options = null) => Own(new KmsTenantFieldEncryptorFactory(options));

    public IAmazonDynamoDB NewAdminDynamoDb() => Own(Cloud.CreateDynamoDbClient(Cloud.AdminCredentials.ToAwsCredentials()));

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        lock (_owned)
        {
            _owned.Add(disposable);
        }

        return disposable;
    }
}

[CollectionDefinition(Name)]
public sealed class IsolationCloudCollection : ICollectionFixture<IsolationCloudFixture>
{
    public const string Name = "Local cloud (isolation)";
}
