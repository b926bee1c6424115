using Microsoft.Extensions.Time.Testing;
using Tenancy.Isolation.Credentials;
using Tenancy.Testing.Fakes;

namespace Tenancy.Isolation.Tests.Credentials;

/// <summary>
/// Cache mechanics of <see cref="StsTenantClientProvider"/> with a counting fake STS client and a manual clock:
/// single-flight, refresh timing, stale-while-failing, bounds. STS behaviour itself is tested against LocalCloud.
/// </summary>
public sealed class CredentialCacheMechanicsTests : IDisposable
{
    private static readonly TenantRequestor Alice = new("alice");
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly CountingFakeStsForConcurrencyMechanics _sts;
    private readonly InMemoryTenantRegistry _registry = new InMemoryTenantRegistry().Add("acme").Add("globex", TenantTier.Premium).Add("initech").Add("gone", status: TenantStatus.Deleted);
    private StsTenantClientProvider? _provider;

    public CredentialCacheMechanicsTests() => _sts = new CountingFakeStsForConcurrencyMechanics(_time);

    public void Dispose()
    {
        _provider?.Dispose();
        _sts.Dispose();
    }

    [Fact]
    public async Task A_thousand_concurrent_first_requests_make_one_sts_call()
    {
        var provider = NewProvider();
        _sts.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var requests = Enumerable.Range(0, 1000).Select(_ => provider.GetClientsAsync(Acme, Alice, CancellationToken.None).AsTask()).ToList();
        await Task.Delay(50);
        _sts.Gate.SetResult();
        var clients = await Task.WhenAll(requests);

        Assert.Equal(1, _sts.Calls);
        Assert.Equal(1, provider.Counters.StsCalls(Acme));
        Assert.Single(clients.Distinct());
    }

    [Fact]
    public async Task Warm_requests_are_cache_hits_with_the_same_clients()
    {
        var provider = NewProvider();
        var first = await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);

        for (var i = 0; i < 999; i++)
        {
            Assert.Same(first, await provider.GetClientsAsync(Acme, Alice, CancellationToken.None));
        }

        Assert.Equal(1, _sts.Calls);
        Assert.Equal(999, provider.Counters.CacheHits);
    }

    [Fact]
    public async Task Tenants_never_share_clients()
    {
        var provider = NewProvider();

        var acme = await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);
        var globex = await provider.GetClientsAsync(Globex, Alice, CancellationToken.None);

        Assert.Equal(Acme, acme.TenantId);
        Assert.Equal(Globex, globex.TenantId);
        Assert.NotSame(acme.DynamoDb, globex.DynamoDb);
        Assert.NotSame(acme.Kms, globex.Kms);
        Assert.NotSame(acme.S3, globex.S3);
        Assert.Equal(2, _sts.Calls);
    }

    [Fact]
    public async Task Sessions_are_renewed_five_minutes_before_expiry_on_the_same_clients()
    {
        var provider = NewProvider();
        var clients = await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(54) + TimeSpan.FromSeconds(59));
        await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);
        Assert.Equal(1, _sts.Calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(clients, await provider.GetClientsAsync(Acme, Alice, CancellationToken.None));
        Assert.Equal(2, _sts.Calls);

        await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);
        Assert.Equal(2, _sts.Calls);
    }

    [Fact]
    public async Task A_failed_renewal_keeps_serving_the_valid_session_until_it_expires()
    {
        var provider = NewProvider();
        var clients = await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(56));
        _sts.Failure = new InvalidOperationException("STS unavailable");

        Assert.Same(clients, await provider.GetClientsAsync(Acme, Alice, CancellationToken.None));
        Assert.Equal(2, _sts.Calls);

        // Within the retry pause the valid session is served without asking STS again.
        Assert.Same(clients, await provider.GetClientsAsync(Acme, Alice, CancellationToken.None));
        Assert.Equal(2, _sts.Calls);
        Assert.Equal(2, provider.Counters.StaleServed);

        _time.Advance(TimeSpan.FromMinutes(4));
        var ex = await Assert.ThrowsAsync<TenantAccessDeniedException>(async () => await provider.GetClientsAsync(Acme, Alice, CancellationToken.None));
        Assert.Equal(TenantAccessDeniedReason.CredentialVendingFailed, ex.Reason);
        Assert.Equal(3, _sts.Calls);

        _sts.Failure = null;
        Assert.Same(clients, await provider.GetClientsAsync(Acme, Alice, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_first_vend_is_access_denied()
    {
        var provider = NewProvider();
        _sts.Failure = new InvalidOperationException("AccessDenied");

        var ex = await Assert.ThrowsAsync<TenantAccessDeniedException>(async () => await provider.GetClientsAsync(Acme, Alice, CancellationToken.None));

        Assert.Equal(TenantAccessDeniedReason.CredentialVendingFailed, ex.Reason);
        Assert.Equal(1, provider.Counters.FailedVends);
    }

    [Fact]
    public async Task A_requestor_sts_cannot_name_is_refused_before_any_sts_call()
    {
        var provider = NewProvider();

        var ex = await Assert.ThrowsAsync<TenantAccessDeniedException>(async () => await provider.GetClientsAsync(Acme, new TenantRequestor("not a valid/identity"), CancellationToken.None));

        Assert.Equal(TenantAccessDeniedReason.CredentialVendingFailed, ex.Reason);
        Assert.Equal(0, _sts.Calls);
    }

    [Theory]
    [InlineData("gone", TenantAccessDeniedReason.InactiveTenant)]
    [InlineData("nobody", TenantAccessDeniedReason.UnknownTenant)]
    public async Task No_credentials_are_vended_for_a_tenant_that_is_not_active(string id, TenantAccessDeniedReason reason)
    {
        var provider = NewProvider();

        var ex = await Assert.ThrowsAsync<TenantAccessDeniedException>(async () => await provider.GetClientsAsync(TenantId.Parse(id), Alice, CancellationToken.None));

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(0, _sts.Calls);
    }

    [Fact]
    public async Task The_request_carries_tags_source_identity_session_name_and_duration()
    {
        var provider = NewProvider(new TenantCredentialOptions { RoleArn = RoleArn, SessionDuration = TimeSpan.FromMinutes(20), RefreshBeforeExpiry = TimeSpan.FromMinutes(5) });

        await provider.GetClientsAsync(Globex, new TenantRequestor("user-42"), CancellationToken.None);

        var request = Assert.Single(_sts.Requests);
        Assert.Equal(RoleArn, request.RoleArn);
        Assert.Equal(1200, request.DurationSeconds);
        Assert.Equal("user-42", request.SourceIdentity);
        Assert.Matches("^tenancy-globex-[0-9a-f]{8}$", request.RoleSessionName);
        Assert.Equal([("TenantID", "globex"), ("TenantTier", "Premium")], request.Tags.Select(t => (t.Key, t.Value)));
        Assert.Equal(["TenantID"], request.TransitiveTagKeys);
    }

    [Fact]
    public async Task The_cache_is_bounded_and_evicted_sessions_are_vended_again()
    {
        var provider = NewProvider(new TenantCredentialOptions { RoleArn = RoleArn, MaxCachedSessions = 2 });

        await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);
        await provider.GetClientsAsync(Globex, Alice, CancellationToken.None);
        await provider.GetClientsAsync(TenantId.Parse("initech"), Alice, CancellationToken.None);
        await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);

        Assert.Equal(2, provider.CachedSessions);
        Assert.Equal(2, provider.Counters.Evictions);
        Assert.Equal(2, provider.Counters.StsCalls(Acme));
    }

    [Fact]
    public async Task Per_user_sessions_keep_each_users_source_identity()
    {
        var provider = NewProvider(new TenantCredentialOptions { RoleArn = RoleArn, SessionPerUser = true });

        var alice = await provider.GetClientsAsync(Acme, Alice, CancellationToken.None);
        var bob = await provider.GetClientsAsync(Acme, new TenantRequestor("bob"), CancellationToken.None);

        Assert.NotSame(alice, bob);
        Assert.Equal(["alice", "bob"], _sts.Requests.Select(r => r.SourceIdentity));
    }

    [Fact]
    public async Task A_caller_giving_up_does_not_cancel_the_shared_vend()
    {
        var provider = NewProvider();
        _sts.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancelled = new CancellationTokenSource();

        var impatient = provider.GetClientsAsync(Acme, Alice, cancelled.Token).AsTask();
        var patient = provider.GetClientsAsync(Acme, Alice, CancellationToken.None).AsTask();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        _sts.Gate.SetResult();

        Assert.Equal(Acme, (await patient).TenantId);
        Assert.Equal(1, _sts.Calls);
    }

    private const string RoleArn = "arn:aws:iam::123456789012:role/TenantDataRole";
    private static readonly TenantId Acme = TenantId.Parse("acme");
    private static readonly TenantId Globex = TenantId.Parse("globex");

    private StsTenantClientProvider NewProvider(TenantCredentialOptions? options = null)
    {
        options ??= new TenantCredentialOptions { RoleArn = RoleArn };
        _provider = new StsTenantClientProvider(
            new TenantCredentialOptions
            {
                RoleArn = options.RoleArn,
                Region = "us-east-1",
                SessionDuration = options.SessionDuration,
                RefreshBeforeExpiry = options.RefreshBeforeExpiry,
                MaxCachedSessions = options.MaxCachedSessions,
                SessionPerUser = options.SessionPerUser,
            },
            _registry,
            _sts,
            _time);
        return _provider;
    }
}
