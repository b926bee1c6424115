using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Tenancy.Security.Tests.Infrastructure;

namespace Tenancy.Security.Tests.Attributes;

/// <summary>
/// The read-only support role, vended with the tenant tag like the data role, through DynamoDB Local: reads that
/// project only non-sensitive attributes of the own tenant pass; a read without a projection, a projection or a
/// filter naming a sensitive attribute (directly, through <c>#names</c> or a nested path), a Select other than
/// SPECIFIC_ATTRIBUTES, any write, and any other tenant's key are denied.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SupportRoleTests : IAsyncLifetime
{
    private readonly SecurityFixture _fixture;
    private IAmazonDynamoDB _support = null!;

    public SupportRoleTests(SecurityFixture fixture) => _fixture = fixture;

    private SecurityTenant Tenant => _fixture.Attacker;

    private Dictionary<string, AttributeValue> OrderKey => new()
    {
        ["PK"] = new AttributeValue { S = Tenant.PartitionKey },
        ["SK"] = new AttributeValue { S = "ORDER#" + _fixture.VictimOrderIds[Tenant.Id][0] },
    };

    public async Task InitializeAsync() => _support = _fixture.Cloud.CreateDynamoDbClient(await _fixture.VendAsync(Tenant.Id, _fixture.SupportRoleArn));

    public Task DisposeAsync()
    {
        _support.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Projected_non_sensitive_reads_of_the_own_tenant_are_allowed_and_hold_nothing_sensitive()
    {
        var get = await _support.GetItemAsync(new GetItemRequest
        {
            TableName = Tenant.TableName,
            Key = OrderKey,
            ProjectionExpression = "Id, #s, #t, CreatedAt",
            ExpressionAttributeNames = new() { ["#s"] = "Status", ["#t"] = "Total" },
        });
        Assert.Equal(_fixture.VictimOrderIds[Tenant.Id][0], get.Item["Id"].S);
        Assert.Equal("Pending", get.Item["Status"].S);
        Assert.False(get.Item.ContainsKey("CustomerName"));
        Assert.False(get.Item.ContainsKey("CustomerEmail"));

        var query = await _support.QueryAsync(new QueryRequest
        {
            TableName = Tenant.TableName,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :o)",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = Tenant.PartitionKey }, [":o"] = new AttributeValue { S = "ORDER#" } },
            ProjectionExpression = "Id, #s",
            ExpressionAttributeNames = new() { ["#s"] = "Status" },
        });
        Assert.Equal(3, query.Items.Count);
        Assert.All(query.Items, i => Assert.Equal(["Id", "Status"], i.Keys.Order(StringComparer.Ordinal)));

        var batch = await _support.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [Tenant.TableName] = new KeysAndAttributes { Keys = [OrderKey], AttributesToGet = ["Id", "Version"] } },
        });
        Assert.Single(batch.Responses[Tenant.TableName]);
        Assert.DoesNotContain(Tenant.Secret, string.Concat(batch.Responses[Tenant.TableName].SelectMany(i => i.Values.Select(v => v.S))), StringComparison.Ordinal);
    }

    public static TheoryData<string> DeniedReads => new()
    {
        "get without projection", "get projecting CustomerName", "get projecting CustomerEmail through #name", "get projecting a nested Lines path",
        "get with AttributesToGet CustomerName", "query without projection", "query with Select COUNT", "query with Select ALL_ATTRIBUTES",
        "query on GSI1 without projection", "query filtering on CustomerName", "batch get without projection", "scan with projection",
        "get of another tenant", "query of another tenant", "put", "update", "delete",
    };

    [Theory]
    [MemberData(nameof(DeniedReads))]
    public async Task Everything_else_is_denied(string attempt)
    {
        var pk = new AttributeValue { S = Tenant.PartitionKey };
        var ex = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => attempt switch
        {
            "get without projection" => _support.GetItemAsync(new GetItemRequest { TableName = Tenant.TableName, Key = OrderKey }),
            "get projecting CustomerName" => _support.GetItemAsync(new GetItemRequest { TableName = Tenant.TableName, Key = OrderKey, ProjectionExpression = "Id, CustomerName" }),
            "get projecting CustomerEmail through #name" => _support.GetItemAsync(new GetItemRequest { TableName = Tenant.TableName, Key = OrderKey, ProjectionExpression = "Id, #e", ExpressionAttributeNames = new() { ["#e"] = "CustomerEmail" } }),
            "get projecting a nested Lines path" => _support.GetItemAsync(new GetItemRequest { TableName = Tenant.TableName, Key = OrderKey, ProjectionExpression = "Lines[0].Sku" }),
            "get with AttributesToGet CustomerName" => _support.GetItemAsync(new GetItemRequest { TableName = Tenant.TableName, Key = OrderKey, AttributesToGet = ["Id", "CustomerName"] }),
            "query without projection" => _support.QueryAsync(Query(pk)),
            "query with Select COUNT" => _support.QueryAsync(Query(pk, q => q.Select = Select.COUNT)),
            "query with Select ALL_ATTRIBUTES" => _support.QueryAsync(Query(pk, q => q.Select = Select.ALL_ATTRIBUTES)),
            "query on GSI1 without projection" => _support.QueryAsync(new QueryRequest { TableName = Tenant.TableName, IndexName = "GSI1", KeyConditionExpression = "GSI1PK = :g", ExpressionAttributeValues = new() { [":g"] = new AttributeValue { S = Tenant.PartitionKey + "#STATUS#Pending" } } }),
            "query filtering on CustomerName" => _support.QueryAsync(Query(pk, q => { q.ProjectionExpression = "Id"; q.FilterExpression = "begins_with(CustomerName, :n)"; q.ExpressionAttributeValues[":n"] = new AttributeValue { S = "SECRET" }; })),
            "batch get without projection" => _support.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [Tenant.TableName] = new KeysAndAttributes { Keys = [OrderKey] } } }),
            "scan with projection" => _support.ScanAsync(new ScanRequest { TableName = Tenant.TableName, ProjectionExpression = "Id" }),
            "get of another tenant" => _support.GetItemAsync(new GetItemRequest { TableName = Tenant.TableName, Key = new() { ["PK"] = new AttributeValue { S = _fixture.Neighbour.PartitionKey }, ["SK"] = new AttributeValue { S = "ORDER#" + _fixture.VictimOrderIds[_fixture.Neighbour.Id][0] } }, ProjectionExpression = "Id" }),
            "query of another tenant" => _support.QueryAsync(Query(new AttributeValue { S = _fixture.LookAlike.PartitionKey }, q => q.ProjectionExpression = "Id")),
            "put" => _support.PutItemAsync(new PutItemRequest { TableName = Tenant.TableName, Item = new(OrderKey) { ["Id"] = new AttributeValue { S = "x" } } }),
            "update" => _support.UpdateItemAsync(new UpdateItemRequest { TableName = Tenant.TableName, Key = OrderKey, UpdateExpression = "SET #s = :s", ExpressionAttributeNames = new() { ["#s"] = "Status" }, ExpressionAttributeValues = new() { [":s"] = new AttributeValue { S = "Cancelled" } } }),
            _ => _support.DeleteItemAsync(new DeleteItemRequest { TableName = Tenant.TableName, Key = OrderKey }),
        });
        Assert.Equal("AccessDeniedException", ex.ErrorCode);
    }

    private QueryRequest Query(AttributeValue pk, Action<QueryRequest>? edit = null)
    {
        var query = new QueryRequest
        {
            TableName = Tenant.TableName,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = pk },
        };
        edit?.Invoke(query);
        return query;
    }
}
