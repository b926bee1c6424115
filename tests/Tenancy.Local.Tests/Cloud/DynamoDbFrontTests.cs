using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;

namespace Tenancy.Local.Tests.Cloud;

[Collection(LocalCloudCollection.Name)]
public sealed class DynamoDbFrontTests
{
    private readonly LocalCloudFixture _fixture;

    public DynamoDbFrontTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new() { ["PK"] = new() { S = pk }, ["SK"] = new() { S = sk } };

    private static Dictionary<string, AttributeValue> Item(string pk, string sk, string? gsi1pk = null)
    {
        var item = Key(pk, sk);
        item["Value"] = new() { S = "v" };
        if (gsi1pk is not null)
        {
            item["GSI1PK"] = new() { S = gsi1pk };
            item["GSI1SK"] = new() { S = sk };
        }

        return item;
    }

    private async Task<AmazonDynamoDBClient> TenantDynamoDbAsync(string tenant) => _fixture.Cloud.CreateDynamoDbClient(await _fixture.TenantCredentialsAsync(tenant));

    private static async Task AssertDeniedAsync(Func<Task> call)
    {
        var ex = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(call);
        Assert.Equal("AccessDeniedException", ex.ErrorCode);
    }

    [Fact]
    public async Task Tenant_shard_index_lists_only_the_sessions_own_shards()
    {
        using var db = await TenantDynamoDbAsync("acme");
        var item = Item("TENANT#acme", "SHARDED#1");
        item["TenantShard"] = new() { S = "TENANT#acme#7" };
        await db.PutItemAsync(new PutItemRequest { TableName = "AppData", Item = item });

        static QueryRequest ShardQuery(string shard) => new()
        {
            TableName = "AppData",
            IndexName = "TenantItems",
            KeyConditionExpression = "TenantShard = :shard",
            ExpressionAttributeValues = new() { [":shard"] = new() { S = shard } },
        };

        // The keys-only index is under the same LeadingKeys condition as the table: its own shard, never another's.
        var own = await db.QueryAsync(ShardQuery("TENANT#acme#7"));
        Assert.Equal(1, own.Count);
        Assert.Equal(["PK", "SK", "TenantShard"], own.Items.Single().Keys.Order(StringComparer.Ordinal));
        await AssertDeniedAsync(() => db.QueryAsync(ShardQuery("TENANT#acme2#7")));
        await AssertDeniedAsync(() => db.QueryAsync(ShardQuery("TENANT#globex#0")));
    }

    [Fact]
    public async Task Tenant_reads_and_writes_its_own_partitions()
    {
        using var db = await TenantDynamoDbAsync("acme");
        await db.PutItemAsync(new PutItemRequest { TableName = "AppData", Item = Item("TENANT#acme", "ORDER#1", "TENANT#acme#STATUS#open") });
        await db.PutItemAsync(new PutItemRequest { TableName = "AppData", Item = Item("TENANT#acme#ORDERS", "ORDER#2") });

        var got = await db.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme", "ORDER#1") });
        Assert.Equal("v", got.Item["Value"].S);

        var query = await db.QueryAsync(new QueryRequest
        {
            TableName = "AppData",
            KeyConditionExpression = "#pk = :pk AND begins_with(SK, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = "PK" },
            ExpressionAttributeValues = new() { [":pk"] = new() { S = "TENANT#acme" }, [":prefix"] = new() { S = "ORDER#" } },
        });
        Assert.Equal(1, query.Count);

        var byIndex = await db.QueryAsync(new QueryRequest
        {
            TableName = "AppData",
            IndexName = "GSI1",
            KeyConditionExpression = "GSI1PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new() { S = "TENANT#acme#STATUS#open" } },
        });
        Assert.Equal(1, byIndex.Count);

        await db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "AppData",
            Key = Key("TENANT#acme", "ORDER#1"),
            UpdateExpression = "SET #v = :v",
            ExpressionAttributeNames = new() { ["#v"] = "Value" },
            ExpressionAttributeValues = new() { [":v"] = new() { S = "w" } },
        });
        var batch = await db.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["AppData"] = new KeysAndAttributes { Keys = [Key("TENANT#acme", "ORDER#1"), Key("TENANT#acme#ORDERS", "ORDER#2")] } },
        });
        Assert.Equal(2, batch.Responses["AppData"].Count);

        await db.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = "AppData", Item = Item("TENANT#acme", "ORDER#3") } },
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = "AppData", Key = Key("TENANT#acme", "ORDER#1"), ConditionExpression = "attribute_exists(PK)" } },
            ],
        });
        await db.DeleteItemAsync(new DeleteItemRequest { TableName = "AppData", Key = Key("TENANT#acme", "ORDER#3") });
    }

    [Fact]
    public async Task Tenant_is_denied_every_other_tenants_partition()
    {
        using var admin = _fixture.Cloud.CreateDynamoDbClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        await admin.PutItemAsync(new PutItemRequest { TableName = "AppData", Item = Item("TENANT#acme2", "ORDER#1", "TENANT#acme2#STATUS#open") });
        var deniedBefore = _fixture.Cloud.Counters.Denied("dynamodb");

        using var db = await TenantDynamoDbAsync("acme");
        await AssertDeniedAsync(() => db.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme2", "ORDER#1") }));
        await AssertDeniedAsync(() => db.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acmeX#ORDERS", "ORDER#1") }));
        await AssertDeniedAsync(() => db.PutItemAsync(new PutItemRequest { TableName = "AppData", Item = Item("TENANT#acme2", "ORDER#9") }));
        await AssertDeniedAsync(() => db.DeleteItemAsync(new DeleteItemRequest { TableName = "AppData", Key = Key("TENANT#acme2", "ORDER#1") }));
        await AssertDeniedAsync(() => db.QueryAsync(new QueryRequest
        {
            TableName = "AppData",
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new() { S = "TENANT#acme2" } },
        }));
        await AssertDeniedAsync(() => db.QueryAsync(new QueryRequest
        {
            TableName = "AppData",
            IndexName = "GSI1",
            KeyConditionExpression = "GSI1PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new() { S = "TENANT#acme2#STATUS#open" } },
        }));
        await AssertDeniedAsync(() => db.QueryAsync(new QueryRequest
        {
            TableName = "AppData",
            KeyConditions = new() { ["PK"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [new AttributeValue { S = "TENANT#acme2" }] } },
        }));

        // One foreign key anywhere in a batch or transaction denies the whole request.
        await AssertDeniedAsync(() => db.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["AppData"] = new KeysAndAttributes { Keys = [Key("TENANT#acme", "ORDER#1"), Key("TENANT#acme2", "ORDER#1")] } },
        }));
        await AssertDeniedAsync(() => db.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["AppData"] = [new WriteRequest { PutRequest = new PutRequest { Item = Item("TENANT#acme", "X") } }, new WriteRequest { DeleteRequest = new DeleteRequest { Key = Key("TENANT#acme2", "ORDER#1") } }] },
        }));
        await AssertDeniedAsync(() => db.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = "AppData", Item = Item("TENANT#acme", "T#1") } },
                new TransactWriteItem { Delete = new Delete { TableName = "AppData", Key = Key("TENANT#acme2", "ORDER#1") } },
            ],
        }));
        await AssertDeniedAsync(() => db.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new TransactGetItem { Get = new Get { TableName = "AppData", Key = Key("TENANT#acme2", "ORDER#1") } }],
        }));

        Assert.True(_fixture.Cloud.Counters.Denied("dynamodb") >= deniedBefore + 11);
        var stillThere = await admin.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme2", "ORDER#1") });
        Assert.True(stillThere.IsItemSet);
    }

    [Fact]
    public async Task Scan_and_PartiQL_are_denied_because_they_carry_no_leading_keys()
    {
        using var db = await TenantDynamoDbAsync("acme");
        await AssertDeniedAsync(() => db.ScanAsync(new ScanRequest { TableName = "AppData" }));
        await AssertDeniedAsync(() => db.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "SELECT * FROM \"AppData\" WHERE PK = 'TENANT#acme'" }));
        await AssertDeniedAsync(() => db.DescribeTableAsync(new DescribeTableRequest { TableName = "AppData" }));
    }

    [Fact]
    public async Task Silo_tables_belong_to_their_tenant_only()
    {
        using var globex = await TenantDynamoDbAsync("globex");
        await globex.PutItemAsync(new PutItemRequest { TableName = "AppData-globex", Item = Item("TENANT#globex", "ORDER#1") });
        var own = await globex.GetItemAsync(new GetItemRequest { TableName = "AppData-globex", Key = Key("TENANT#globex", "ORDER#1") });
        Assert.True(own.IsItemSet);

        using var acme = await TenantDynamoDbAsync("acme");
        await AssertDeniedAsync(() => acme.GetItemAsync(new GetItemRequest { TableName = "AppData-globex", Key = Key("TENANT#globex", "ORDER#1") }));
        // Even acme's own key prefix is denied in globex's table: the table ARN is keyed on the session tag.
        await AssertDeniedAsync(() => acme.PutItemAsync(new PutItemRequest { TableName = "AppData-globex", Item = Item("TENANT#acme", "ORDER#1") }));
    }

    [Fact]
    public async Task The_api_principal_reads_the_registry_but_never_tenant_data()
    {
        using var api = _fixture.Cloud.CreateDynamoDbClient(_fixture.Cloud.ApiCredentials.ToAwsCredentials());
        var registry = await api.GetItemAsync(new GetItemRequest { TableName = "TenantRegistry", Key = TenantRegistryItemCodec.Key(TenantId.Parse("globex")) });
        Assert.Equal("Silo", registry.Item["Model"].S);
        Assert.Equal("AppData-globex", registry.Item["TableName"].S);
        Assert.Equal("alias/tenancy/globex", registry.Item["KmsKeyId"].S);
        Assert.Equal("Active", registry.Item["Status"].S);
        Assert.True(TenantRegistryItemCodec.TryDecode(TenantId.Parse("globex"), registry.Item, out var decoded, out _));
        Assert.Equal(_fixture.Globex.Placement, decoded!.Placement);

        await AssertDeniedAsync(() => api.PutItemAsync(new PutItemRequest { TableName = "TenantRegistry", Item = TenantRegistryItemCodec.Key(TenantId.Parse("evil")) }));
        await AssertDeniedAsync(() => api.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme", "ORDER#1") }));
        var ex = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => api.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme", "ORDER#1") }));
        Assert.Contains("is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/AppData because no identity-based policy allows the dynamodb:GetItem action", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_signatures_and_unknown_keys_are_rejected()
    {
        using var unknown = _fixture.Cloud.CreateDynamoDbClient(new BasicAWSCredentials("AKIAUNKNOWNUNKNOWN00", "secret"));
        var ex = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => unknown.ListTablesAsync(new ListTablesRequest()));
        Assert.Equal("UnrecognizedClientException", ex.ErrorCode);

        var tenant = await _fixture.TenantCredentialsAsync("acme");
        var immutable = await tenant.GetCredentialsAsync();
        using var wrongSecret = _fixture.Cloud.CreateDynamoDbClient(new SessionAWSCredentials(immutable.AccessKey, immutable.SecretKey + "x", immutable.Token));
        ex = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => wrongSecret.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme", "ORDER#1") }));
        Assert.Equal("InvalidSignatureException", ex.ErrorCode);

        using var noToken = _fixture.Cloud.CreateDynamoDbClient(new BasicAWSCredentials(immutable.AccessKey, immutable.SecretKey));
        ex = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => noToken.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = Key("TENANT#acme", "ORDER#1") }));
        Assert.Equal("UnrecognizedClientException", ex.ErrorCode);
    }
}
