using Tenancy.ControlPlane.Tests.Infrastructure;
using Tenancy.ControlPlane.TierChange;
using Tenancy.Isolation;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Samples;

namespace Tenancy.ControlPlane.Tests.TierChange;

/// <summary>
/// The tier-change handler against DynamoDB Local, driven step by step as the state machine drives it, while four
/// API-like writers hammer the tenant: every acknowledged write is readable (and decryptable) after the switch,
/// writes during the freeze are refused, and a digest mismatch rolls back to the untouched source.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class TierChangeTests(DynamoDbLocalFixture dynamo)
{
    private const int Writers = 4;

    [Fact]
    public async Task Pool_to_silo_and_back_loses_no_acknowledged_write()
    {
        var store = await TierChangeStore.CreateAsync(dynamo);
        var tenant = await store.OnboardPooledAsync("mover-" + Guid.NewGuid().ToString("N")[..8]);
        var bystander = await store.OnboardPooledAsync("bystander-" + Guid.NewGuid().ToString("N")[..8]);
        await SeedAsync(store, bystander, 30);
        var writers = new ConcurrentWriters(store, tenant);
        writers.Start(Writers);
        await Task.Delay(TimeSpan.FromMilliseconds(800));

        var toSilo = await MoveAsync(store, tenant, "Silo", "change-1");
        Assert.Equal("Silo", toSilo.TargetModel);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var toPool = await MoveAsync(store, tenant, "Pool", "change-2");
        Assert.Equal(toSilo.TargetTable, toPool.SourceTable);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        await writers.StopAsync();

        var registration = await new TierChangeRegistry(store.Client, store.Settings).ReadAsync(tenant, CancellationToken.None);
        Assert.Null(registration.TierChange);
        Assert.Equal(TenancyModel.Pool, registration.Placement.Model);
        Assert.Equal(store.Settings.PooledTableName, registration.Placement.TableName);
        Assert.False(await store.TableExistsAsync(toSilo.TargetTable));
        Assert.NotEmpty(writers.Refused);
        Assert.True(writers.Acknowledged.Count > 50, $"only {writers.Acknowledged.Count} writes were acknowledged");

        var scope = await store.NewScopes(store.NewCachedRegistry()).CreateAsync(tenant, new TenantRequestor("auditor"));
        var orders = new OrderRepository();
        foreach (var id in writers.Acknowledged)
        {
            var order = await orders.GetAsync(scope, $"c{id[1]}", id);
            Assert.True(order is not null, $"acknowledged write {id} is missing after the moves");
            Assert.Equal($"note of {id}", order.Note);
        }

        foreach (var id in writers.Refused)
        {
            Assert.Null(await orders.GetAsync(scope, $"c{id[1]}", id));
        }

        Assert.Equal(writers.Acknowledged.Count, await store.CountTenantItemsAsync(store.Settings.PooledTableName, tenant));
        Assert.Equal(30, await store.CountTenantItemsAsync(store.Settings.PooledTableName, bystander));
    }

    [Fact]
    public async Task Digest_mismatch_rolls_back_to_the_untouched_source()
    {
        var store = await TierChangeStore.CreateAsync(dynamo);
        var tenant = await store.OnboardPooledAsync("rollback-" + Guid.NewGuid().ToString("N")[..8]);
        await SeedAsync(store, tenant, 45);
        var move = (await store.RunAsync(new TierChangeRequest("freeze", tenant.Value, "change-r", "Silo"))).Move;
        Assert.Equal("tenant-moving", await WriteOutcomeAsync(store, tenant));
        await Task.Delay(TierChangeStore.CacheDuration * 2);
        await store.RunToEndAsync(new TierChangeRequest("prepare-target", Move: move));
        await store.RunToEndAsync(new TierChangeRequest("copy", Move: move));

        // A copy that went wrong: one item lost on the way.
        var scan = await store.Client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = move.TargetTable, Limit = 1 });
        await store.Client.DeleteItemAsync(move.TargetTable, new() { ["PK"] = scan.Items[0]["PK"], ["SK"] = scan.Items[0]["SK"] });

        var source = await store.RunToEndAsync(new TierChangeRequest("digest", Move: move, Side: "source"));
        var target = await store.RunToEndAsync(new TierChangeRequest("digest", Move: move, Side: "target"));
        Assert.Equal(45, source.Digest!.Count);
        Assert.Equal(44, target.Digest!.Count);
        await Assert.ThrowsAsync<TierChangeDigestMismatchException>(() => store.RunAsync(new TierChangeRequest("switch", Move: move, SourceDigest: source.Digest, TargetDigest: target.Digest)));

        await store.RunToEndAsync(new TierChangeRequest("rollback", Move: move));
        var registration = await new TierChangeRegistry(store.Client, store.Settings).ReadAsync(tenant, CancellationToken.None);
        Assert.Null(registration.TierChange);
        Assert.Equal(TenancyModel.Pool, registration.Placement.Model);
        Assert.Equal(store.Settings.PooledTableName, registration.Placement.TableName);
        Assert.False(await store.TableExistsAsync(move.TargetTable));
        Assert.Equal(45, await store.CountTenantItemsAsync(store.Settings.PooledTableName, tenant));
        await Task.Delay(TierChangeStore.CacheDuration * 2);
        Assert.Equal("acknowledged", await WriteOutcomeAsync(store, tenant));
    }

    [Fact]
    public async Task A_second_move_is_refused_while_one_is_in_progress()
    {
        var store = await TierChangeStore.CreateAsync(dynamo);
        var tenant = await store.OnboardPooledAsync("busy-" + Guid.NewGuid().ToString("N")[..8]);
        var first = await store.RunAsync(new TierChangeRequest("freeze", tenant.Value, "change-a", "Silo"));
        Assert.Equal(first.Move, (await store.RunAsync(new TierChangeRequest("freeze", tenant.Value, "change-a", "Silo"))).Move);
        await Assert.ThrowsAsync<TierChangeRefusedException>(() => store.RunAsync(new TierChangeRequest("freeze", tenant.Value, "change-b", "Silo")));
        var other = first.Move with { ChangeId = "change-b" };
        await Assert.ThrowsAsync<TierChangeRefusedException>(() => store.RunAsync(new TierChangeRequest("copy", Move: other)));
        await Assert.ThrowsAsync<TierChangeRefusedException>(() => store.RunAsync(new TierChangeRequest("rollback", Move: other)));
    }

    /// <summary>The whole move, step by step, as the state machine runs it (cache waits included).</summary>
    private static async Task<TierChangeMove> MoveAsync(TierChangeStore store, TenantId tenant, string target, string changeId)
    {
        var move = (await store.RunAsync(new TierChangeRequest("freeze", tenant.Value, changeId, target))).Move;
        await Task.Delay(TierChangeStore.CacheDuration + TimeSpan.FromMilliseconds(200));
        await store.RunToEndAsync(new TierChangeRequest("prepare-target", Move: move));
        await store.RunToEndAsync(new TierChangeRequest("copy", Move: move));
        var source = await store.RunToEndAsync(new TierChangeRequest("digest", Move: move, Side: "source"));
        var copied = await store.RunToEndAsync(new TierChangeRequest("digest", Move: move, Side: "target"));
        Assert.True(source.Digest!.Count > 0);
        await store.RunAsync(new TierChangeRequest("switch", Move: move, SourceDigest: source.Digest, TargetDigest: copied.Digest));
        await Task.Delay(TierChangeStore.CacheDuration + TimeSpan.FromMilliseconds(200));
        var again = await store.RunToEndAsync(new TierChangeRequest("digest", Move: move, Side: "source"));
        await store.RunToEndAsync(new TierChangeRequest("delete-source", Move: move, SourceDigest: again.Digest, TargetDigest: copied.Digest));
        return move;
    }

    private static async Task SeedAsync(TierChangeStore store, TenantId tenant, int count)
    {
        var scope = await store.NewScopes(store.NewCachedRegistry()).CreateAsync(tenant, new TenantRequestor("seeder"));
        var orders = new OrderRepository();
        for (var i = 0; i < count; i++)
        {
            await orders.CreateAsync(scope, new Order { CustomerId = "c", Id = $"seed-{i}", Status = OrderStatus.Pending, CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i), Note = $"seed {i}" });
        }
    }

    private static async Task<string> WriteOutcomeAsync(TierChangeStore store, TenantId tenant)
    {
        var registration = await store.NewCachedRegistry().FindAsync(tenant, CancellationToken.None);
        return registration!.IsWriteFrozen ? "tenant-moving" : "acknowledged";
    }
}
