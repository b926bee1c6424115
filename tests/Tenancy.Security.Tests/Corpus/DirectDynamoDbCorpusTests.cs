using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CsCheck;
using Tenancy.Security.Tests.Infrastructure;

namespace Tenancy.Security.Tests.Corpus;

/// <summary>
/// Generated cross-tenant attempts straight at the platform with the attacker's vended credentials — what code that
/// slipped past the compiler could do. Every attempt must be denied or find nothing; none may return or change a
/// byte of a victim's data.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class DirectDynamoDbCorpusTests : IAsyncLifetime
{
    public const int AttemptsPerPath = 200;

    private readonly SecurityFixture _fixture;
    private IAmazonDynamoDB _dynamoDb = null!;

    public DirectDynamoDbCorpusTests(SecurityFixture fixture) => _fixture = fixture;

    private string[] TargetIds => [.. _fixture.Victims.Select(v => v.Id), _fixture.Attacker.Id];

    public async Task InitializeAsync() => _dynamoDb = _fixture.Cloud.CreateDynamoDbClient(await _fixture.VendAsync(_fixture.Attacker.Id));

    public Task DisposeAsync()
    {
        _dynamoDb.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Items_of_other_tenants_are_out_of_reach()
    {
        var gen = Gen.Select(Targets(), Gen.Int[0, 3], Gen.Int[0, 3], (t, op, table) => (t, op, table));
        await RunAsync("direct: items (Get/Put/Update/Delete)", gen, async x =>
        {
            var (key, sortKey) = KeyFor(x.t);
            var table = TableFor(x.t.Target, x.table);
            return x.op switch
            {
                0 => await _dynamoDb.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(key, sortKey), ConsistentRead = true }),
                1 => await _dynamoDb.PutItemAsync(new PutItemRequest { TableName = table, Item = new(Key(key, sortKey)) { ["Note"] = S("overwritten") }, ReturnValues = ReturnValue.ALL_OLD }),
                2 => await _dynamoDb.UpdateItemAsync(new UpdateItemRequest { TableName = table, Key = Key(key, sortKey), UpdateExpression = "SET Note = :n", ExpressionAttributeValues = new() { [":n"] = S("changed") }, ReturnValues = ReturnValue.ALL_OLD }),
                _ => await _dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = Key(key, sortKey), ReturnValues = ReturnValue.ALL_OLD }),
            };
        }, (x, outcome) => WriteContained(x.t, x.op != 0, outcome));
    }

    [Fact]
    public async Task Queries_and_scans_for_other_tenants_find_nothing()
    {
        var gen = Gen.Select(Targets(), Gen.Int[0, 4], Gen.Int[0, 3], (t, shape, table) => (t, shape, table));
        await RunAsync("direct: queries", gen, async x =>
        {
            var (key, _) = KeyFor(x.t);
            var table = TableFor(x.t.Target, x.table);
            return x.shape switch
            {
                0 => await _dynamoDb.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = "PK = :pk", ExpressionAttributeValues = new() { [":pk"] = S(key) } }),
                1 => await _dynamoDb.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = "#p = :pk AND begins_with(SK, :s)", ExpressionAttributeNames = new() { ["#p"] = "PK" }, ExpressionAttributeValues = new() { [":pk"] = S(key), [":s"] = S("NOTE#") } }),
                2 => await _dynamoDb.QueryAsync(new QueryRequest { TableName = table, KeyConditions = new() { ["PK"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S(key)] } } }),
                // The attacker's own partition, filtered towards the victim: allowed, and must return nothing of theirs.
                3 => await _dynamoDb.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = "PK = :own", FilterExpression = "contains(Note, :v) OR PK = :pk", ExpressionAttributeValues = new() { [":own"] = S(_fixture.Attacker.PartitionKey), [":v"] = S(x.t.Target), [":pk"] = S(key) } }),
                _ => await _dynamoDb.ScanAsync(new ScanRequest { TableName = table, FilterExpression = "PK = :pk", ExpressionAttributeValues = new() { [":pk"] = S(key) } }),
            };
        });
    }

    [Fact]
    public async Task Index_queries_for_other_tenants_find_nothing()
    {
        var gen = Gen.Select(Targets(), Gen.Int[0, 2], Gen.Int[0, 3], (t, shape, table) => (t, shape, table));
        await RunAsync("direct: GSI queries", gen, async x =>
        {
            var (key, _) = KeyFor(x.t);
            var table = TableFor(x.t.Target, x.table);
            var indexKey = x.shape switch
            {
                0 => key + "#STATUS#Pending",
                1 => key,
                _ => $"TENANT#{_fixture.Attacker.Id}#{x.t.Spelled}#STATUS#Pending",
            };
            return await _dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = table,
                IndexName = "GSI1",
                KeyConditionExpression = "GSI1PK = :g",
                ExpressionAttributeValues = new() { [":g"] = S(indexKey) },
            });
        });
    }

    [Fact]
    public async Task Batch_gets_with_any_foreign_key_are_refused_whole()
    {
        var gen = Gen.Select(Targets(), Gen.Int[0, 3], Gen.Int[1, 4], (t, table, own) => (t, table, own));
        await RunAsync("direct: batch get", gen, async x =>
        {
            var (key, sortKey) = KeyFor(x.t);
            var table = TableFor(x.t.Target, x.table);
            var keys = Enumerable.Range(0, x.own).Select(i => Key(_fixture.Attacker.PartitionKey, $"NOTE#{i}")).Append(Key(key, sortKey)).ToList();
            var request = new BatchGetItemRequest { RequestItems = new() { [table] = new KeysAndAttributes { Keys = keys } } };
            if (table != _fixture.Attacker.TableName)
            {
                request.RequestItems[_fixture.Attacker.TableName] = new KeysAndAttributes { Keys = [Key(_fixture.Attacker.PartitionKey, "NOTE#0")] };
            }

            return await _dynamoDb.BatchGetItemAsync(request);
        });
    }

    [Fact]
    public async Task Batch_writes_with_any_foreign_key_are_refused_whole()
    {
        var gen = Gen.Select(Targets(), Gen.Int[0, 3], Gen.Bool, (t, table, delete) => (t, table, delete));
        await RunAsync("direct: batch write", gen, async x =>
        {
            var (key, sortKey) = KeyFor(x.t);
            var table = TableFor(x.t.Target, x.table);
            var foreign = x.delete
                ? new WriteRequest { DeleteRequest = new DeleteRequest { Key = Key(key, sortKey) } }
                : new WriteRequest { PutRequest = new PutRequest { Item = new(Key(key, sortKey)) { ["Note"] = S("planted by attacker") } } };
            var own = new WriteRequest { PutRequest = new PutRequest { Item = new(Key(_fixture.Attacker.PartitionKey, "BATCH#own")) { ["Note"] = S("own") } } };
            var items = new Dictionary<string, List<WriteRequest>> { [table] = [foreign] };
            if (table == _fixture.Attacker.TableName)
            {
                items[table].Insert(0, own);
            }
            else
            {
                items[_fixture.Attacker.TableName] = [own];
            }

            var response = await _dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = items });
            return response.UnprocessedItems is { Count: > 0 } ? "unprocessed" : null;
        }, (x, outcome) => WriteContained(x.t, write: true, outcome));
    }

    [Fact]
    public async Task Transactions_with_any_foreign_item_are_refused_whole()
    {
        var gen = Gen.Select(Targets(), Gen.Int[0, 3], Gen.Int[0, 4], (t, table, kind) => (t, table, kind));
        await RunAsync("direct: transactions", gen, async x =>
        {
            var (key, sortKey) = KeyFor(x.t);
            var table = TableFor(x.t.Target, x.table);
            if (x.kind == 0)
            {
                return await _dynamoDb.TransactGetItemsAsync(new TransactGetItemsRequest
                {
                    TransactItems =
                    [
                        new TransactGetItem { Get = new Get { TableName = _fixture.Attacker.TableName, Key = Key(_fixture.Attacker.PartitionKey, "NOTE#0") } },
                        new TransactGetItem { Get = new Get { TableName = table, Key = Key(key, sortKey) } },
                    ],
                });
            }

            var foreign = x.kind switch
            {
                1 => new TransactWriteItem { Put = new Put { TableName = table, Item = new(Key(key, sortKey)) { ["Note"] = S("tx planted") } } },
                2 => new TransactWriteItem { Update = new Update { TableName = table, Key = Key(key, sortKey), UpdateExpression = "SET Note = :n", ExpressionAttributeValues = new() { [":n"] = S("tx changed") } } },
                3 => new TransactWriteItem { Delete = new Delete { TableName = table, Key = Key(key, sortKey) } },
                _ => new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = table, Key = Key(key, sortKey), ConditionExpression = "begins_with(Note, :p)", ExpressionAttributeValues = new() { [":p"] = S("SECRET") } } },
            };
            var own = new TransactWriteItem { Put = new Put { TableName = _fixture.Attacker.TableName, Item = new(Key(_fixture.Attacker.PartitionKey, "TX#own")) { ["Note"] = S("own") } } };
            await _dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [own, foreign] });
            return null;
        }, (x, outcome) => WriteContained(x.t, x.kind != 0, outcome));
    }

    [Fact]
    public async Task Foreign_start_keys_do_not_continue_into_another_partition()
    {
        var gen = Gen.Select(Targets(), Gen.Int[0, 2], (t, shape) => (t, shape));
        await RunAsync("direct: continuation keys", gen, async x =>
        {
            var (key, sortKey) = KeyFor(x.t);
            var start = x.shape == 2
                ? new Dictionary<string, AttributeValue> { ["PK"] = S(key), ["SK"] = S(sortKey), ["GSI1PK"] = S(key + "#STATUS#Pending"), ["GSI1SK"] = S("2026-01-01") }
                : Key(key, sortKey);
            return await _dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = _fixture.Attacker.TableName,
                IndexName = x.shape == 2 ? "GSI1" : null,
                KeyConditionExpression = x.shape == 2 ? "GSI1PK = :pk" : "PK = :pk",
                ExpressionAttributeValues = new() { [":pk"] = S(x.shape == 2 ? _fixture.Attacker.PartitionKey + "#STATUS#Pending" : _fixture.Attacker.PartitionKey) },
                ExclusiveStartKey = start,
                Limit = 5,
            });
        });
    }

    private Gen<(string Target, string Spelled, int Salt)> Targets() => TenantIdVariants.For(_fixture.Attacker.Id, TargetIds);

    private async Task RunAsync<T>(string path, Gen<T> gen, Func<T, Task<object?>> attempt, Func<T, AttackOutcome, AttackOutcome>? judge = null)
    {
        var victimsBefore = await SnapshotAsync();
        var count = 0;
        await gen.SampleAsync(async x =>
        {
            var (outcome, detail) = await DirectAttackClassifier.RunAsync(async () => await attempt(x), text => _fixture.ContainsVictimData(text));
            outcome = judge?.Invoke(x, outcome) ?? outcome;
            _fixture.Tally.Record(path, outcome, $"{x} → {detail}");
            Interlocked.Increment(ref count);
            Assert.True(outcome != AttackOutcome.Leaked, $"{path}: {x} leaked: {detail}");
        }, iter: AttemptsPerPath, threads: 1);

        Assert.True(count >= AttemptsPerPath, $"{path}: only {count} attempts");
        Assert.Equal(victimsBefore, await SnapshotAsync());
    }

    // A write that was allowed is a leak unless its key is the attacker's own partition (or below it).
    private AttackOutcome WriteContained((string Target, string Spelled, int Salt) t, bool write, AttackOutcome outcome)
    {
        if (!write || outcome != AttackOutcome.Empty)
        {
            return outcome;
        }

        var (key, _) = KeyFor(t);
        var own = _fixture.Attacker.PartitionKey;
        return key == own || key.StartsWith(own + "#", StringComparison.Ordinal) ? AttackOutcome.Empty : AttackOutcome.Leaked;
    }

    private async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var victim in _fixture.Victims)
        {
            var items = await _fixture.ItemsOfAsync(victim);
            parts.Add(string.Join(";", items.Select(i => string.Join(",", i.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.S ?? p.Value.N}"))).Order(StringComparer.Ordinal)));
        }

        return string.Join("\n", parts);
    }

    private (string Key, string SortKey) KeyFor((string Target, string Spelled, int Salt) t)
    {
        var key = t.Spelled.StartsWith("TENANT#", StringComparison.Ordinal) ? t.Spelled : "TENANT#" + t.Spelled;
        var own = _fixture.Attacker.PartitionKey;
        if (key == own || key.StartsWith(own + "#", StringComparison.Ordinal))
        {
            // Allowed: the attacker's own partition. Probe it without touching its orders.
            return (key, $"PROBE#{t.Salt}");
        }

        var orders = _fixture.VictimOrderIds.GetValueOrDefault(t.Target) ?? [];
        var sortKey = t.Salt % 2 == 0 && orders.Count > 0 ? "ORDER#" + orders[t.Salt % orders.Count] : $"NOTE#{t.Salt % 3}";
        return (key, sortKey);
    }

    private string TableFor(string target, int choice) => choice switch
    {
        0 => _fixture.Attacker.TableName,
        1 => _fixture.Silo.TableName,
        2 => $"{_fixture.Attacker.TableName}-{target}",
        _ => _fixture.Victims.First(v => v.Id == target || target == _fixture.Attacker.Id).TableName,
    };

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new() { ["PK"] = S(pk), ["SK"] = S(sk) };

    private static AttributeValue S(string value) => new() { S = value };
}
