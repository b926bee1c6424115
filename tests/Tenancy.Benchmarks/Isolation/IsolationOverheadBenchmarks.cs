using BenchmarkDotNet.Attributes;
using Tenancy.Isolation;
using Tenancy.Isolation.Credentials;
using Tenancy.Isolation.Encryption;
using Tenancy.Isolation.Registry;
using Tenancy.Local.Emulator;

namespace Tenancy.Benchmarks.Isolation;

/// <summary>
/// Per-request isolation overhead once caches are warm: what every request pays on top of its own work. The setup
/// starts the real local cloud (STS, KMS, DynamoDB Local behind IAM), onboards one tenant and warms every cache with
/// one real vend, one GenerateDataKey and one Decrypt; the measured operations then make no network call.
/// Run in process with the short job (the local cloud lives in the benchmark process):
/// <c>dotnet run -c Release --project tests/Tenancy.Benchmarks -- --filter '*IsolationOverhead*' --inProcess --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class IsolationOverheadBenchmarks
{
    private static readonly TenantRequestor Requestor = new("bench-user-1");
    private readonly byte[] _field64 = new byte[64];
    private LocalCloud _cloud = null!;
    private DynamoDbTenantRegistry _registry = null!;
    private StsTenantClientProvider _provider = null!;
    private KmsTenantFieldEncryptorFactory _encryptors = null!;
    private TenantScopeFactory _scopes = null!;
    private TenantId _tenant;
    private ITenantFieldEncryptor _encryptor = null!;
    private EncryptedFieldContext _context;
    private byte[] _ciphertext = null!;
    private TenantDataKeyCache _dataKeys = null!;
    private byte[] _encryptedDataKey = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _dataKeys.Clear();
        _encryptors.Dispose();
        _provider.Dispose();
        _cloud.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>TenantScopeFactory.CreateAsync: registry lookup + credential lookup + encryptor binding.</summary>
    [Benchmark]
    public async Task<TenantScope> ScopeResolution() => await _scopes.CreateAsync(_tenant, Requestor);

    [Benchmark]
    public async Task<TenantRegistration?> RegistryLookup() => await _registry.FindAsync(_tenant, CancellationToken.None);

    [Benchmark]
    public async Task<TenantClients> CredentialLookup() => await _provider.GetClientsAsync(_tenant, Requestor, CancellationToken.None);

    /// <summary>Leasing the tenant's current encryption data key (age and use-count check, lease, release).</summary>
    [Benchmark]
    public async Task<long> EncryptionDataKeyLookup()
    {
        var key = await _dataKeys.LeaseEncryptionKeyAsync(NoKms, CancellationToken.None);
        key.Release();
        return key.Uses;
    }

    /// <summary>Finding the unwrapped data key of a stored value by its encrypted-key bytes.</summary>
    [Benchmark]
    public async Task<DateTimeOffset> DecryptionDataKeyLookup()
    {
        var key = await _dataKeys.LeaseDecryptionKeyAsync(_encryptedDataKey, NoKmsUnwrap, CancellationToken.None);
        key.Release();
        return key.CreatedAt;
    }

    [Benchmark]
    public async Task<byte[]> Encrypt64Bytes() => await _encryptor.EncryptAsync(_field64, _context, CancellationToken.None);

    [Benchmark]
    public async Task<byte[]> Decrypt64Bytes() => await _encryptor.DecryptAsync(_ciphertext, _context, CancellationToken.None);

    [Benchmark]
    public async Task<byte[]> EncryptThenDecrypt64Bytes()
    {
        var ciphertext = await _encryptor.EncryptAsync(_field64, _context, CancellationToken.None);
        return await _encryptor.DecryptAsync(ciphertext, _context, CancellationToken.None);
    }

    private async Task SetupAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        var onboarded = await _cloud.OnboardTenantAsync("bench", "Bench", TenantTier.Basic, TenancyModel.Pool);
        _tenant = onboarded.TenantId;
        var endpoint = _cloud.Endpoint.ToString();
        _registry = new DynamoDbTenantRegistry(
            _cloud.CreateDynamoDbClient(_cloud.ApiCredentials.ToAwsCredentials()),
            // Long windows: the benchmark measures the warm path, not expiry.
            new TenantRegistryOptions { TableName = _cloud.TenantRegistryTableName, PositiveCacheDuration = TimeSpan.FromHours(1) });
        _provider = new StsTenantClientProvider(
            new TenantCredentialOptions { RoleArn = _cloud.TenantDataRoleArn, Region = _cloud.Region, DynamoDbServiceUrl = endpoint, KmsServiceUrl = endpoint, S3ServiceUrl = endpoint },
            _registry,
            _cloud.CreateStsClient(_cloud.ApiCredentials.ToAwsCredentials()));
        var encryptionOptions = new FieldEncryptionOptions { DataKeyMaxAge = TimeSpan.FromHours(1), DataKeyMaxUses = long.MaxValue };
        _encryptors = new KmsTenantFieldEncryptorFactory(encryptionOptions);
        _scopes = new TenantScopeFactory(_registry, _provider, _encryptors);

        var scope = await _scopes.CreateAsync(_tenant, Requestor);
        _encryptor = scope.FieldEncryptor!;
        _context = new EncryptedFieldContext(_tenant, scope.Placement.TableName, $"TENANT#{_tenant.Value}", "ORDER#0001", "email");
        _ciphertext = await _encryptor.EncryptAsync(_field64, _context, CancellationToken.None);
        await _encryptor.DecryptAsync(_ciphertext, _context, CancellationToken.None);

        // A separately held cache warmed through the real KMS, so the lookups can be measured on their own.
        _dataKeys = new TenantDataKeyCache(encryptionOptions, TimeProvider.System);
        var warm = new KmsTenantFieldEncryptor(_tenant, scope.Placement.KmsKeyId, scope.Kms, _dataKeys, new FieldEncryptionCounters(), TimeProvider.System);
        var warmCiphertext = await warm.EncryptAsync(_field64, _context, CancellationToken.None);
        EncryptedFieldFormat.TryParse(warmCiphertext, out var envelope, out _);
        _encryptedDataKey = envelope.EncryptedDataKey.ToArray();
    }

    private static Task<TenantDataKey> NoKms() => throw new InvalidOperationException("The benchmark must run on a warm cache.");

    private static Task<TenantDataKey> NoKmsUnwrap(byte[] encryptedKey) => throw new InvalidOperationException("The benchmark must run on a warm cache.");
}
