using Amazon.DynamoDBv2.Model;
using Tenancy.ControlPlane.Offboarding;
using Tenancy.Isolation;
using Tenancy.Isolation.Repositories.Runtime;

namespace Tenancy.ControlPlane.Tests.Offboarding;

/// <summary>
/// The <c>pooled-data-deletion</c> handler against DynamoDB Local and the template's table, driven as the offboarding
/// state machine drives it: invoke, pass the returned cursor back, stop when it is null.
/// </summary>
[Collection(PooledDataCollection.Name)]
public sealed class PooledDataDeletionTests(PooledDataStore store)
{
    private const int PerInvocation = 400;

    [Fact]
    public async Task Every_item_the_generated_repositories_write_carries_its_tenant_shard()
    {
        await store.SeedAsync("shard-check", 60);

        var items = await store.RawItemsAsync("shard-check");

        Assert.Equal(60, items.Count);
        Assert.All(items, item => Assert.Equal(TenantShards.Key(TenantId.Parse("shard-check"), TenantShards.ShardOf(item["PK"].S, item["SK"].S)), item[TenantShards.AttributeName].S));
        // Spread over the shards, so one tenant never concentrates its writes on one index partition.
        Assert.True(items.Select(i => i[TenantShards.AttributeName].S).Distinct().Count() > TenantShards.Count / 2);
    }

    [Fact]
    public async Task A_tenant_with_2600_pooled_items_in_three_repositories_is_deleted_in_bounded_steps_and_no_one_else_is_touched()
    {
        await store.SeedAsync("leaving", 2600);
        var before = await store.CountItemsByTenantAsync();
        Assert.Equal(2600, before["leaving"]);

        var deleter = new PooledDataDeleter(store.Client, Options());
        var results = await RunToCompletionAsync(deleter, "leaving");

        Assert.Equal(2600, results.Sum(r => r.Deleted));
        Assert.All(results, r => Assert.InRange(r.Deleted, 0, PerInvocation));
        Assert.True(results.Count >= 2600 / PerInvocation, $"{results.Count} invocations");
        Assert.All(results, r => Assert.Equal(0, r.Skipped));
        Assert.Equal(0, await store.CountItemsAsync("leaving"));
        Assert.Equal(0, await IndexEntriesAsync("leaving"));
        var after = await store.CountItemsByTenantAsync();
        Assert.Equal(before.Where(p => p.Key != "leaving").OrderBy(p => p.Key), after.OrderBy(p => p.Key));
        Assert.Equal(PooledDataStore.BystanderItems, after[PooledDataStore.BystanderA]);
        Assert.Equal(PooledDataStore.BystanderItems, after[PooledDataStore.BystanderB]);
    }

    [Fact]
    public async Task A_crashed_invocation_rerun_with_the_same_cursor_deletes_nothing_twice_and_misses_nothing()
    {
        await store.SeedAsync("crashing", 1300);
        var first = await new PooledDataDeleter(store.Client, Options()).HandleAsync(new("crashing", null), null, CancellationToken.None);
        Assert.NotNull(first.Cursor);
        Assert.Equal(1300 - PerInvocation, await store.CountItemsAsync("crashing"));

        // The second invocation dies after 5 of its 16 batches: its cursor is lost, the state machine retries the input.
        using var crashing = new FaultyDynamoDbClient(store.Endpoint) { CrashAfterBatches = 5 };
        await Assert.ThrowsAsync<SimulatedCrashException>(() =>
            new PooledDataDeleter(crashing, Options()).HandleAsync(new("crashing", first.Cursor), null, CancellationToken.None));
        var leftAtCrash = await store.CountItemsAsync("crashing");
        Assert.InRange(leftAtCrash, 1, 1300 - PerInvocation - BatchSize);

        var resumed = await RunToCompletionAsync(new PooledDataDeleter(store.Client, Options()), "crashing", first.Cursor);

        // Every remaining item deleted exactly once more: the retried page re-lists only what is still there.
        Assert.Equal(leftAtCrash, resumed.Sum(r => r.Deleted));
        Assert.Equal(0, await store.CountItemsAsync("crashing"));
        Assert.Equal(PooledDataStore.BystanderItems, await store.CountItemsAsync(PooledDataStore.BystanderA));
        Assert.Equal(PooledDataStore.BystanderItems, await store.CountItemsAsync(PooledDataStore.BystanderB));
    }

    [Fact]
    public async Task Unprocessed_items_are_retried_with_backoff_until_every_deletion_is_done()
    {
        await store.SeedAsync("throttled", 300);
        using var throttling = new FaultyDynamoDbClient(store.Endpoint) { ThrottleEvery = 2 };

        var results = await RunToCompletionAsync(new PooledDataDeleter(throttling, Options()), "throttled");

        Assert.True(throttling.ThrottledCalls > 0);
        Assert.Equal(300, results.Sum(r => r.Deleted));
        Assert.Equal(0, await store.CountItemsAsync("throttled"));
    }

    [Fact]
    public async Task An_index_entry_naming_the_tenants_shard_on_another_tenants_item_is_skipped_not_deleted()
    {
        await store.SeedAsync("target", 30);
        // Only generated code writes the shard attribute; a raw write that forges it must still not reach another tenant.
        var forged = new Dictionary<string, AttributeValue>
        {
            ["PK"] = new() { S = "TENANT#targeted-victim" },
            ["SK"] = new() { S = "NOTE#forged" },
            [TenantShards.AttributeName] = new() { S = TenantShards.Key(TenantId.Parse("target"), 3) },
        };
        await store.Client.PutItemAsync(new PutItemRequest { TableName = store.TableName, Item = forged });

        var results = await RunToCompletionAsync(new PooledDataDeleter(store.Client, Options()), "target");

        Assert.Equal(30, results.Sum(r => r.Deleted));
        Assert.True(results.Sum(r => r.Skipped) >= 1);
        Assert.Equal(0, await store.CountItemsAsync("target"));
        Assert.Equal(1, await store.CountItemsAsync("targeted-victim"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Not A Tenant", null)]
    [InlineData("TENANT#x", null)]
    [InlineData("somebody", "2.0.0")]
    [InlineData("somebody", "1.16.0")]
    [InlineData("somebody", "1.0.0.!!.x")]
    public async Task An_invalid_tenant_or_cursor_is_refused_before_anything_is_deleted(string? tenantId, string? cursor)
    {
        var deleter = new PooledDataDeleter(store.Client, Options());

        await Assert.ThrowsAsync<InvalidDeletionRequestException>(() => deleter.HandleAsync(new(tenantId, cursor), null, CancellationToken.None));
    }

    [Fact]
    public async Task A_cursor_of_one_tenants_deletion_is_refused_for_another_tenant()
    {
        await store.SeedAsync("cursor-owner", 50);
        var deleter = new PooledDataDeleter(store.Client, Options() with { MaxItemsPerInvocation = 10 });
        var first = await deleter.HandleAsync(new("cursor-owner", null), null, CancellationToken.None);
        Assert.NotNull(first.Cursor);
        Assert.Equal(5, first.Cursor.Split('.').Length);

        await Assert.ThrowsAsync<InvalidDeletionRequestException>(() => deleter.HandleAsync(new(PooledDataStore.BystanderA, first.Cursor), null, CancellationToken.None));
        Assert.Equal(PooledDataStore.BystanderItems, await store.CountItemsAsync(PooledDataStore.BystanderA));
        await RunToCompletionAsync(deleter, "cursor-owner", first.Cursor);
        Assert.Equal(0, await store.CountItemsAsync("cursor-owner"));
    }

    [Fact]
    public async Task A_tenant_without_pooled_items_finishes_in_one_invocation_with_a_null_cursor()
    {
        var result = await new PooledDataDeleter(store.Client, Options()).HandleAsync(new("never-wrote", null), null, CancellationToken.None);

        Assert.Equal(new PooledDataDeletionResult("never-wrote", null, 0, 0), result);
    }

    private const int BatchSize = 25;

    private PooledDataDeletionOptions Options() => new() { TableName = store.TableName, MaxItemsPerInvocation = PerInvocation };

    private static async Task<List<PooledDataDeletionResult>> RunToCompletionAsync(PooledDataDeleter deleter, string tenantId, string? cursor = null)
    {
        var results = new List<PooledDataDeletionResult>();
        do
        {
            var result = await deleter.HandleAsync(new(tenantId, cursor), null, CancellationToken.None);
            Assert.Equal(tenantId, result.TenantId);
            results.Add(result);
            cursor = result.Cursor;
            Assert.True(results.Count < 100, "the deletion did not converge");
        }
        while (cursor is not null);
        return results;
    }

    private async Task<int> IndexEntriesAsync(string tenantId)
    {
        var total = 0;
        for (var shard = 0; shard < TenantShards.Count; shard++)
        {
            var response = await store.Client.QueryAsync(new QueryRequest
            {
                TableName = store.TableName,
                IndexName = TenantShards.IndexName,
                KeyConditionExpression = "TenantShard = :shard",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":shard"] = new() { S = TenantShards.Key(TenantId.Parse(tenantId), shard) } },
                Select = Amazon.DynamoDBv2.Select.COUNT,
            });
            total += response.Count ?? 0;
        }

        return total;
    }
}
