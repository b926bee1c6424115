using Tenancy.Isolation;
using Tenancy.Local.Emulator;
using Tenancy.Local.Run.Api;

namespace Tenancy.Resilience.Tests.Infrastructure;

/// <summary>
/// One local cloud for the resilience tests, with DynamoDB Local on disk (a temporary directory) so it can be killed
/// and restarted without losing acknowledged writes. Tests start their own API processes against it: the JIT build of
/// <c>src/Tenancy.Api</c> by default, or a published Native-AOT binary named by <c>TENANCY_API_BOOTSTRAP</c>.
/// </summary>
public sealed class LocalRunFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tenancy-resilience-" + Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim _sharedApiGate = new(1, 1);
    private LocalApiProcess? _sharedApi;
    private int _tenantSequence;

    public LocalCloud Cloud { get; private set; } = null!;

    public LocalApiLaunch Launch { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var bootstrap = Environment.GetEnvironmentVariable("TENANCY_API_BOOTSTRAP");
        Launch = string.IsNullOrEmpty(bootstrap) ? LocalApiLaunch.FromRepositoryBuild() : LocalApiLaunch.NativeBinary(bootstrap);
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { DynamoDbDataDirectory = _dataDirectory });
    }

    /// <summary>A new API process (cold caches) configured like the Lambda function; the caller disposes it.</summary>
    public Task<LocalApiProcess> StartApiAsync() => LocalApiProcess.StartAsync(Launch, LocalApiEnvironment.For(Cloud));

    /// <summary>One API process the fault tests share (started on first use, stopped with the fixture).</summary>
    public async Task<LocalApiProcess> SharedApiAsync()
    {
        await _sharedApiGate.WaitAsync();
        try
        {
            return _sharedApi ??= await StartApiAsync();
        }
        finally
        {
            _sharedApiGate.Release();
        }
    }

    /// <summary>Onboards a tenant no API process has seen yet (so its first request is cold) and signs its user in.</summary>
    public async Task<LoadTenant> OnboardFreshAsync(string prefix, TenantTier tier, TenancyModel model)
    {
        var id = $"{prefix}{Interlocked.Increment(ref _tenantSequence):D3}";
        var onboarded = await Cloud.OnboardTenantAsync(id, $"{id} Inc.", tier, model);
        var tokens = Cloud.Issuer.SignIn(onboarded.Username, onboarded.Password)
            ?? throw new InvalidOperationException($"The demo user of {id} could not sign in.");
        return new LoadTenant(onboarded, tokens.AccessToken);
    }

    public async Task DisposeAsync()
    {
        if (_sharedApi is not null)
        {
            await _sharedApi.DisposeAsync();
        }

        _sharedApiGate.Dispose();
        if (Cloud is not null)
        {
            await Cloud.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory; a leftover is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalRunCollection : ICollectionFixture<LocalRunFixture>
{
    public const string Name = "local run";
}
