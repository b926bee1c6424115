namespace Tenancy.Isolation.Credentials;

/// <summary>
/// The cached session of one tenant (or tenant and user): its SDK clients, built once and signed through
/// <see cref="VendedSessionCredentials"/>, the current expiry, and the renewal in flight (at most one).
/// </summary>
internal sealed class TenantSession : IDisposable
{
    private readonly VendedSessionCredentials _credentials;
    private long _expiresAtTicks;
    private long _retryNotBeforeTicks;

    public TenantSession(TenantId tenantId, TenantAwsClientFactory clientFactory)
    {
        TenantId = tenantId;
        _credentials = new VendedSessionCredentials();
        Clients = clientFactory.CreateTenantClients(tenantId, _credentials);
    }

    public TenantId TenantId { get; }

    public TenantClients Clients { get; }

    public Lock Gate { get; } = new();

    /// <summary>The renewal in flight, if any (guarded by <see cref="Gate"/>).</summary>
    public Task? Renewal { get; set; }

    public bool HasCredentials => Interlocked.Read(ref _expiresAtTicks) != 0;

    public DateTimeOffset ExpiresAt => new(Interlocked.Read(ref _expiresAtTicks), TimeSpan.Zero);

    public DateTimeOffset RetryNotBefore => new(Interlocked.Read(ref _retryNotBeforeTicks), TimeSpan.Zero);

    public bool IsFresh(DateTimeOffset now, TimeSpan refreshBefore) => HasCredentials && now < ExpiresAt - refreshBefore;

    public bool IsValid(DateTimeOffset now) => HasCredentials && now < ExpiresAt;

    public void Accept(VendedCredentials credentials)
    {
        _credentials.Replace(credentials);
        Interlocked.Exchange(ref _expiresAtTicks, credentials.Expiration.UtcTicks);
        Interlocked.Exchange(ref _retryNotBeforeTicks, 0);
    }

    public void DeferRetryUntil(DateTimeOffset when) => Interlocked.Exchange(ref _retryNotBeforeTicks, when.UtcTicks);

    public void Dispose()
    {
        Clients.DynamoDb.Dispose();
        Clients.Kms.Dispose();
        Clients.S3.Dispose();
    }
}
