using Amazon.DynamoDBv2.Model;
using Tenancy.ControlPlane.Registry;
using Tenancy.ControlPlane.Tests.Infrastructure;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Testing.DynamoDb;

namespace Tenancy.ControlPlane.Tests.Registry;

/// <summary>The registry's write side on DynamoDB Local: the lifecycle, idempotent replays, refusals and races.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class TenantRegistryWriterTests(DynamoDbLocalFixture dynamo) : IAsyncLifetime
{
    private RegistryTable _table = null!;

    private TenantRegistryWriter Writer => _table.Writer;

    public async Task InitializeAsync() => _table = await RegistryTable.CreateAsync(dynamo);

    public async Task DisposeAsync() => await _table.DisposeAsync();

    [Fact]
    public async Task Register_writes_a_provisioning_item_placed_by_the_tiering_policy()
    {
        var premium = await Writer.RegisterAsync(TenantId.Parse("acme"), "Acme Corp", TenantTier.Premium, CancellationToken.None);
        var basic = await Writer.RegisterAsync(TenantId.Parse("globex"), "Globex", TenantTier.Basic, CancellationToken.None);

        Assert.Equal(TenantStatus.Provisioning, premium.Status);
        Assert.Equal(new TenantPlacement(TenancyModel.Silo, "AppData-acme", "alias/tenancy/acme", null, "tenants/acme/"), premium.Placement);
        Assert.Equal(new TenantPlacement(TenancyModel.Pool, "AppData", "alias/tenancy/globex", null, "tenants/globex/"), basic.Placement);
        var raw = await _table.RawAsync("acme");
        Assert.Equal("Provisioning", raw[TenantRegistryAttributes.Status].S);
        Assert.True(TenantRegistryItemCodec.TryDecode(TenantId.Parse("acme"), raw, out var decoded, out _));
        Assert.Equal(premium, decoded);
    }

    [Fact]
    public async Task Registering_the_same_tenant_again_returns_the_same_item_unchanged()
    {
        var tenant = TenantId.Parse("acme");
        var first = await Writer.RegisterAsync(tenant, "Acme Corp", TenantTier.Premium, CancellationToken.None);
        var before = await _table.RawAsync("acme");

        var again = await Writer.RegisterAsync(tenant, "Acme Corp", TenantTier.Premium, CancellationToken.None);
        var activated = await _table.OnboardAsync("initech");
        var activeAgain = await Writer.RegisterAsync(TenantId.Parse("initech"), "initech corp", TenantTier.Premium, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(Render(before), Render(await _table.RawAsync("acme")));
        Assert.Equal(activated, activeAgain);
        Assert.Equal(TenantStatus.Active, activeAgain.Status);
    }

    [Fact]
    public async Task Registering_an_existing_tenant_with_another_tier_is_a_conflict()
    {
        var tenant = TenantId.Parse("acme");
        await Writer.RegisterAsync(tenant, "Acme Corp", TenantTier.Premium, CancellationToken.None);

        await Assert.ThrowsAsync<TenantRegistrationConflictException>(() => Writer.RegisterAsync(tenant, "Acme Corp", TenantTier.Basic, CancellationToken.None));
        Assert.Equal("Premium", (await _table.RawAsync("acme"))[TenantRegistryAttributes.Tier].S);
    }

    [Fact]
    public async Task The_whole_lifecycle_runs_and_keeps_the_recorded_resources()
    {
        var tenant = TenantId.Parse("acme");
        await Writer.RegisterAsync(tenant, "Acme Corp", TenantTier.Premium, CancellationToken.None);
        await Writer.RecordResourcesAsync(tenant, new TenantResources { KmsKeyId = "k-1", KmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/k-1", KmsAliasName = "alias/tenancy/acme" }, CancellationToken.None);
        var recorded = await Writer.RecordResourcesAsync(tenant, new TenantResources { SiloTableName = "AppData-acme", UserPoolGroupName = "tenant-acme", AdminUserName = "admin@acme.example", ApiKeyId = "ak-1", ApiKeyValue = "secret-value", UsagePlanId = "up-premium" }, CancellationToken.None);

        var statuses = new List<TenantStatus>();
        foreach (var transition in new[] { RegistryTransition.Activate, RegistryTransition.Suspend, RegistryTransition.Resume, RegistryTransition.Suspend, RegistryTransition.BeginOffboarding, RegistryTransition.CompleteOffboarding })
        {
            statuses.Add((await Writer.TransitionAsync(tenant, transition, null, CancellationToken.None)).Status);
        }

        Assert.Equal(new[] { TenantStatus.Active, TenantStatus.Suspended, TenantStatus.Active, TenantStatus.Suspended, TenantStatus.Offboarding, TenantStatus.Deleted }, statuses);
        var expected = new TenantResources
        {
            KmsKeyId = "k-1",
            KmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/k-1",
            KmsAliasName = "alias/tenancy/acme",
            SiloTableName = "AppData-acme",
            UserPoolGroupName = "tenant-acme",
            AdminUserName = "admin@acme.example",
            ApiKeyId = "ak-1",
            ApiKeyValue = "secret-value",
            UsagePlanId = "up-premium",
        };
        Assert.Equal(expected, recorded.Resources);
        var final = await Writer.ReadAsync(tenant, CancellationToken.None);
        Assert.Equal(TenantStatus.Deleted, final.Status);
        Assert.Equal(expected, final.Resources);
        Assert.Equal("Deleted", (await _table.RawAsync("acme"))[TenantRegistryAttributes.Status].S);
    }

    [Fact]
    public async Task Every_illegal_transition_is_refused_and_changes_nothing()
    {
        var refused = 0;
        foreach (var status in Enum.GetValues<TenantStatus>())
        {
            foreach (var transition in RegistryTransition.All.Where(t => !t.From.Contains(status) && t.To != status))
            {
                var id = $"t-{refused}";
                await PutAsync(id, status);
                var before = Render(await _table.RawAsync(id));

                var error = await Assert.ThrowsAsync<IllegalTenantTransitionException>(() => Writer.TransitionAsync(TenantId.Parse(id), transition, "cause", CancellationToken.None));

                Assert.Equal(status, error.Current);
                Assert.Equal(transition.Name, error.Transition);
                Assert.Equal(before, Render(await _table.RawAsync(id)));
                refused++;
            }
        }

        // 6 states x 6 transitions, minus the 6 legal ones and the 6 replays into the state the tenant is already in.
        Assert.Equal(24, refused);
    }

    [Fact]
    public async Task A_replayed_transition_is_a_no_op_that_returns_the_item()
    {
        var active = await _table.OnboardAsync("acme");
        var before = Render(await _table.RawAsync("acme"));

        var replay = await Writer.TransitionAsync(TenantId.Parse("acme"), RegistryTransition.Activate, null, CancellationToken.None);

        Assert.Equal(active, replay);
        Assert.Equal(before, Render(await _table.RawAsync("acme")));
    }

    [Fact]
    public async Task Registering_the_same_tenant_concurrently_writes_one_item()
    {
        var tenant = TenantId.Parse("acme");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Writer.RegisterAsync(tenant, "Acme Corp", TenantTier.Basic, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Equal(TenantStatus.Provisioning, (await Writer.ReadAsync(tenant, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Concurrent_conflicting_transitions_have_exactly_one_winner()
    {
        for (var round = 0; round < 5; round++)
        {
            var tenant = TenantId.Parse($"race-{round}");
            await Writer.RegisterAsync(tenant, "Race", TenantTier.Basic, CancellationToken.None);
            var attempts = Enumerable.Range(0, 8)
                .Select(i => i % 2 == 0 ? RegistryTransition.Activate : RegistryTransition.Fail)
                .Select(t => Attempt(tenant, t))
                .ToArray();
            var outcomes = await Task.WhenAll(attempts);

            var final = (await Writer.ReadAsync(tenant, CancellationToken.None)).Status;
            Assert.Contains(final, new[] { TenantStatus.Active, TenantStatus.Failed });
            var winner = final == TenantStatus.Active ? RegistryTransition.Activate : RegistryTransition.Fail;
            Assert.All(outcomes.Where(o => o.Transition == winner), o => Assert.True(o.Succeeded));
            Assert.All(outcomes.Where(o => o.Transition != winner), o => Assert.False(o.Succeeded));
        }
    }

    [Fact]
    public async Task A_failed_tenant_can_be_registered_again_and_starts_clean()
    {
        var tenant = TenantId.Parse("acme");
        await Writer.RegisterAsync(tenant, "Acme Corp", TenantTier.Premium, CancellationToken.None);
        await Writer.RecordResourcesAsync(tenant, new TenantResources { KmsKeyId = "k-1", ApiKeyValue = "v" }, CancellationToken.None);
        var failed = await Writer.TransitionAsync(tenant, RegistryTransition.Fail, "{\"Error\":\"Kms.LimitExceededException\"}", CancellationToken.None);

        var retried = await Writer.RegisterAsync(tenant, "Acme Corporation", TenantTier.Basic, CancellationToken.None);

        Assert.Equal(TenantStatus.Failed, failed.Status);
        Assert.Equal("{\"Error\":\"Kms.LimitExceededException\"}", failed.FailureCause);
        Assert.Equal(TenantStatus.Provisioning, retried.Status);
        Assert.Equal(TenantResources.None, retried.Resources);
        Assert.Null(retried.FailureCause);
        Assert.Equal(TenantTier.Basic, retried.Tier);
        Assert.Equal("AppData", retried.Placement.TableName);
        var raw = await _table.RawAsync("acme");
        Assert.DoesNotContain(TenantRegistryAttributes.FailureCause, raw.Keys);
        Assert.DoesNotContain(TenantRegistryAttributes.ResourceKmsKeyId, raw.Keys);
    }

    [Fact]
    public async Task Resources_are_recorded_only_while_provisioning_and_fail_needs_a_cause()
    {
        await _table.OnboardAsync("acme");
        await Writer.RegisterAsync(TenantId.Parse("globex"), "Globex", TenantTier.Basic, CancellationToken.None);

        var late = await Assert.ThrowsAsync<IllegalTenantTransitionException>(() => Writer.RecordResourcesAsync(TenantId.Parse("acme"), new TenantResources { ApiKeyId = "x" }, CancellationToken.None));
        await Assert.ThrowsAsync<RegistryRequestException>(() => Writer.TransitionAsync(TenantId.Parse("globex"), RegistryTransition.Fail, " ", CancellationToken.None));
        await Assert.ThrowsAsync<RegistryRequestException>(() => Writer.RecordResourcesAsync(TenantId.Parse("globex"), TenantResources.None, CancellationToken.None));
        await Assert.ThrowsAsync<TenantNotRegisteredException>(() => Writer.TransitionAsync(TenantId.Parse("nobody"), RegistryTransition.Activate, null, CancellationToken.None));

        Assert.Equal(TenantStatus.Active, late.Current);
        Assert.Equal(TenantStatus.Provisioning, (await Writer.ReadAsync(TenantId.Parse("globex"), CancellationToken.None)).Status);
    }

    private async Task<(RegistryTransition Transition, bool Succeeded)> Attempt(TenantId tenant, RegistryTransition transition)
    {
        try
        {
            await Writer.TransitionAsync(tenant, transition, "injected", CancellationToken.None);
            return (transition, true);
        }
        catch (IllegalTenantTransitionException)
        {
            return (transition, false);
        }
    }

    private async Task PutAsync(string id, TenantStatus status)
    {
        var tenant = TenantId.Parse(id);
        var registration = new TenantRegistration(tenant, id, TenantTier.Basic, status, TenantPlacement.Conventional(tenant, TenancyModel.Pool));
        var now = DateTimeOffset.UtcNow;
        await _table.Client.PutItemAsync(new PutItemRequest { TableName = _table.Name, Item = TenantRegistryItemCodec.Encode(registration, now, now) });
    }

    private static string Render(Dictionary<string, AttributeValue> item) =>
        string.Join(";", item.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.S}"));
}
