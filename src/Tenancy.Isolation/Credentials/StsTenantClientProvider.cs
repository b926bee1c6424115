using Amazon.SecurityToken;
using Tenancy.Isolation.Caching;

namespace Tenancy.Isolation.Credentials;

/// <summary>
/// Vends tenant-scoped credentials with STS and hands out the tenant's DynamoDB, KMS and S3 clients signed with
/// them. Sessions are cached per tenant (LRU, <see cref="TenantCredentialOptions.MaxCachedSessions"/>) and renewed
/// <see cref="TenantCredentialOptions.RefreshBeforeExpiry"/> before they expire by a single STS call that concurrent
/// callers share. If a renewal fails while the session is still valid it keeps being served until it expires; with
/// nothing valid the request fails with <see cref="TenantAccessDeniedException"/>
/// (<see cref="TenantAccessDeniedReason.CredentialVendingFailed"/>). Tenant clients are built only from vended
/// credentials and never shared between tenants; the function's own credentials are used only by the STS client.
/// </summary>
/// <example>
/// <code>
/// var registry = new DynamoDbTenantRegistry(new AmazonDynamoDBClient(), TenantRegistryOptions.FromEnvironment());
/// var scopes = new TenantScopeFactory(
///     registry,
///     new StsTenantClientProvider(TenantCredentialOptions.FromEnvironment(), registry),
///     new KmsTenantFieldEncryptorFactory());
/// </code>
/// </example>
public sealed class StsTenantClientProvider : ITenantClientProvider, IDisposable
{
    private readonly TenantCredentialOptions _options;
    private readonly ITenantRegistry _registry;
    private readonly TimeProvider _time;
    private readonly TenantAwsClientFactory _clientFactory;
    private readonly ITenantSessionVendor _vendor;
    private readonly IAmazonSecurityTokenService? _ownedSts;
    private readonly BoundedLruCache<SessionKey, TenantSession> _sessions;

    /// <param name="options">Role ARN, durations, cache size, mode and endpoints.</param>
    /// <param name="registry">Where the tenant's tier (session tag <c>TenantTier</c>) is read at vend time; it must list the tenant as Active.</param>
    /// <param name="sts">The STS client (function credentials); null builds one from <paramref name="options"/>.</param>
    /// <param name="timeProvider">Clock for expiry decisions; <see cref="TimeProvider.System"/> when null.</param>
    public StsTenantClientProvider(TenantCredentialOptions options, ITenantRegistry registry, IAmazonSecurityTokenService? sts = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _time = timeProvider ?? TimeProvider.System;
        _clientFactory = new TenantAwsClientFactory(_options);
        sts ??= _ownedSts = _clientFactory.CreateStsClient();

        _vendor = _options.Mode == CredentialVendingMode.AssumeRoleWithWebIdentity
            ? new WebIdentitySessionVendor(sts, _options)
            : new AssumeRoleSessionVendor(sts, _options);
        _sessions = new BoundedLruCache<SessionKey, TenantSession>(_options.MaxCachedSessions, OnEvicted);
    }

    /// <summary>How many credentials were vended per tenant, for tests and metrics.</summary>
    public TenantCredentialCounters Counters { get; } = new();

    /// <summary>Sessions currently cached.</summary>
    public int CachedSessions => _sessions.Count;

    /// <inheritdoc/>
    public ValueTask<TenantClients> GetClientsAsync(TenantId tenantId, TenantRequestor requestor, CancellationToken cancellationToken)
    {
        if (tenantId.IsEmpty)
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.MissingTenant, "No tenant to vend credentials for.");
        }

        ArgumentNullException.ThrowIfNull(requestor);
        var key = new SessionKey(tenantId, _options.SessionPerUser ? requestor.UserId : null);
        var session = _sessions.GetOrAdd(key, k => new TenantSession(k.TenantId, _clientFactory));
        if (session.IsFresh(_time.GetUtcNow(), _options.RefreshBeforeExpiry))
        {
            Counters.CountHit();
            return ValueTask.FromResult(session.Clients);
        }

        return RenewAsync(session, requestor, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _sessions.Clear();
        _ownedSts?.Dispose();
    }

    private async ValueTask<TenantClients> RenewAsync(TenantSession session, TenantRequestor requestor, CancellationToken cancellationToken)
    {
        Task renewal;
        lock (session.Gate)
        {
            var now = _time.GetUtcNow();
            if (session.IsFresh(now, _options.RefreshBeforeExpiry))
            {
                Counters.CountHit();
                return session.Clients;
            }

            if (session.Renewal is null && session.IsValid(now) && now < session.RetryNotBefore)
            {
                // The last renewal failed moments ago; keep serving the valid session rather than hammer STS.
                Counters.CountStaleServed();
                return session.Clients;
            }

            renewal = session.Renewal ??= VendIntoAsync(session, requestor);
        }

        try
        {
            await renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
            return session.Clients;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (session.IsValid(_time.GetUtcNow()))
            {
                Counters.CountStaleServed();
                return session.Clients;
            }

            if (ex is TenantAccessDeniedException denied)
            {
                throw new TenantAccessDeniedException(denied.Reason, denied.Message, denied);
            }

            throw new TenantAccessDeniedException(
                TenantAccessDeniedReason.CredentialVendingFailed,
                $"Credentials for tenant '{session.TenantId}' could not be vended.",
                ex);
        }
    }

    private async Task VendIntoAsync(TenantSession session, TenantRequestor requestor)
    {
        // Runs after the caller released the gate, on no caller's token: every waiter shares this one STS call.
        await Task.Yield();
        try
        {
            var registration = await _registry.FindAsync(session.TenantId, CancellationToken.None).ConfigureAwait(false);
            if (registration is null || registration.TenantId != session.TenantId || registration.Status != TenantStatus.Active)
            {
                throw new TenantAccessDeniedException(
                    registration is null ? TenantAccessDeniedReason.UnknownTenant : TenantAccessDeniedReason.InactiveTenant,
                    $"Tenant '{session.TenantId}' is not an active registered tenant; no credentials are vended.");
            }

            Counters.CountVend(session.TenantId);
            var credentials = await _vendor.VendAsync(session.TenantId, registration.Tier, requestor, CancellationToken.None).ConfigureAwait(false);
            if (credentials.Expiration <= _time.GetUtcNow())
            {
                throw new InvalidOperationException("STS returned a session that has already expired.");
            }

            session.Accept(credentials);
        }
        catch
        {
            Counters.CountFailedVend();
            session.DeferRetryUntil(_time.GetUtcNow() + _options.RetryAfterFailedRefresh);
            throw;
        }
        finally
        {
            lock (session.Gate)
            {
                session.Renewal = null;
            }
        }
    }

    private void OnEvicted(TenantSession session)
    {
        Counters.CountEviction();
        session.Dispose();
    }

    private readonly record struct SessionKey(TenantId TenantId, string? UserId);
}
