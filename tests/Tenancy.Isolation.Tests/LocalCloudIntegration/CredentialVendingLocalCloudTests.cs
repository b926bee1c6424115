using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;

namespace Tenancy.Isolation.Tests.LocalCloudIntegration;

/// <summary><see cref="Isolation.Credentials.StsTenantClientProvider"/> against the local cloud's STS and IAM.</summary>
[Collection(IsolationCloudCollection.Name)]
public sealed class CredentialVendingLocalCloudTests(IsolationCloudFixture fixture)
{
    private static readonly TenantRequestor Alice = new("alice-3f2a9c1e");

    [Fact]
    public async Task Vended_session_carries_the_tenant_tags_source_identity_and_expiry()
    {
        var provider = fixture.NewProvider(fixture.NewRegistry(), duration: TimeSpan.FromMinutes(30));
        var before = DateTimeOffset.UtcNow;

        var clients = await provider.GetClientsAsync(fixture.Globex.TenantId, Alice, CancellationToken.None);

        var session = fixture.Cloud.Sessions.Last(s => s.Tags.GetValueOrDefault("TenantID") == "globex" && s.SourceIdentity == Alice.UserId);
        Assert.Equal("AssumeRole", session.Action);
        Assert.Equal(fixture.Cloud.TenantDataRoleArn, session.RoleArn);
        Assert.Equal("Premium", session.Tags["TenantTier"]);
        Assert.Equal(["TenantID"], session.TransitiveTagKeys);
        Assert.Matches("^tenancy-globex-[0-9a-f]{8}$", session.SessionName);
        Assert.Equal(fixture.Cloud.ApiFunctionRoleArn, RoleOf(session.CallerArn));
        Assert.InRange(session.Expiration, before.AddMinutes(29), DateTimeOffset.UtcNow.AddMinutes(31));
        Assert.Equal(fixture.Globex.TenantId, clients.TenantId);
    }

    [Fact]
    public async Task A_thousand_scope_creations_for_a_tenant_make_exactly_one_assume_role()
    {
        var registry = fixture.NewRegistry();
        var provider = fixture.NewProvider(registry);
        var scopes = new TenantScopeFactory(registry, provider);
        var before = fixture.Cloud.Counters.Sts("AssumeRole", "acme");

        var created = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ => await scopes.CreateAsync(fixture.Acme.TenantId, Alice)));

        Assert.All(created, scope => Assert.Equal(fixture.Acme.TenantId, scope.TenantId));
        Assert.Equal(1, fixture.Cloud.Counters.Sts("AssumeRole", "acme") - before);
        Assert.Equal(1, provider.Counters.StsCalls(fixture.Acme.TenantId));

        // Warm: another 1,000 sequential requests are all cache hits.
        var hitsBefore = provider.Counters.CacheHits;
        for (var i = 0; i < 1000; i++)
        {
            await scopes.CreateAsync(fixture.Acme.TenantId, Alice);
        }

        Assert.Equal(1000, provider.Counters.CacheHits - hitsBefore);
        Assert.Equal(1, fixture.Cloud.Counters.Sts("AssumeRole", "acme") - before);
    }

    [Fact]
    public async Task Sessions_are_renewed_before_they_expire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var provider = fixture.NewProvider(fixture.NewRegistry(), clock, TimeSpan.FromMinutes(15));
        var before = fixture.Cloud.Counters.Sts("AssumeRole", "acme");

        var clients = await provider.GetClientsAsync(fixture.Acme.TenantId, Alice, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));
        await provider.GetClientsAsync(fixture.Acme.TenantId, Alice, CancellationToken.None);
        Assert.Equal(1, fixture.Cloud.Counters.Sts("AssumeRole", "acme") - before);

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await provider.GetClientsAsync(fixture.Acme.TenantId, Alice, CancellationToken.None);

        Assert.Equal(2, fixture.Cloud.Counters.Sts("AssumeRole", "acme") - before);
        Assert.Same(clients, renewed);
        // The swapped-in session still works for the tenant's own partition.
        await renewed.DynamoDb.GetItemAsync(new GetItemRequest { TableName = fixture.Acme.Placement.TableName, Key = Key("TENANT#acme", "PROBE") });
    }

    [Fact]
    public async Task Vended_clients_reach_only_their_own_tenants_partition()
    {
        var provider = fixture.NewProvider(fixture.NewRegistry());
        var acme = await provider.GetClientsAsync(fixture.Acme.TenantId, Alice, CancellationToken.None);

        await acme.DynamoDb.PutItemAsync(new PutItemRequest { TableName = "AppData", Item = Key("TENANT#acme", "PROBE#1") });
        var own = await acme.DynamoDb.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme", "PROBE#1") });
        Assert.True(own.IsItemSet);

        var denied = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() =>
            acme.DynamoDb.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#globex", "PROBE#1") }));
        Assert.Equal("AccessDeniedException", denied.ErrorCode);

        await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() =>
            acme.DynamoDb.GetItemAsync(new GetItemRequest { TableName = fixture.Globex.Placement.TableName, Key = Key("TENANT#globex", "PROBE#1") }));
    }

    [Fact]
    public async Task Tenants_never_share_clients_or_sessions()
    {
        var provider = fixture.NewProvider(fixture.NewRegistry());

        var acme = await provider.GetClientsAsync(fixture.Acme.TenantId, Alice, CancellationToken.None);
        var globex = await provider.GetClientsAsync(fixture.Globex.TenantId, Alice, CancellationToken.None);

        Assert.NotSame(acme.DynamoDb, globex.DynamoDb);
        Assert.NotSame(acme.Kms, globex.Kms);
        Assert.NotSame(acme.S3, globex.S3);
        // globex's (siloed) client cannot read acme's pooled partition: different sessions, different tags.
        var denied = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() =>
            globex.DynamoDb.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme", "PROBE#1") }));
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
    }

    [Fact]
    public async Task A_suspended_tenant_gets_no_scope_and_no_session()
    {
        await fixture.Cloud.OnboardTenantAsync("hooli", "Hooli", TenantTier.Basic, TenancyModel.Pool);
        await fixture.Cloud.SetTenantStatusAsync("hooli", TenantStatus.Suspended);
        var registry = fixture.NewRegistry();
        var scopes = new TenantScopeFactory(registry, fixture.NewProvider(registry));

        var ex = await Assert.ThrowsAsync<TenantAccessDeniedException>(async () => await scopes.CreateAsync(TenantId.Parse("hooli"), Alice));

        Assert.Equal(TenantAccessDeniedReason.InactiveTenant, ex.Reason);
        Assert.Equal(0, fixture.Cloud.Counters.Sts("AssumeRole", "hooli"));
    }

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        ["PK"] = new() { S = pk },
        ["SK"] = new() { S = sk },
    };

    // arn:aws:sts::<account>:assumed-role/<RoleName>/<session> -> arn:aws:iam::<account>:role/<RoleName>
    private static string RoleOf(string callerArn)
    {
        var parts = callerArn.Split(':', 6);
        if (parts.Length == 6 && parts[2] == "sts" && parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var role = parts[5].Split('/')[1];
            return $"arn:{parts[1]}:iam::{parts[4]}:role/{role}";
        }

        return callerArn;
    }
}
