using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Tenancy.Api.Tests.Infrastructure;

namespace Tenancy.Api.Tests;

/// <summary>
/// Goes around the application entirely: with credentials vended for tenant A, exactly as the API vends them, raw
/// DynamoDB and KMS calls aimed at tenant B are denied by the local platform's IAM (the ABAC policy read from
/// <c>template.yaml</c>). The boundary holds even for code that has no isolation layer at all.
/// </summary>
[Collection(LocalApiCollection.Name)]
public sealed class PlatformBoundaryTests
{
    private readonly LocalApiFixture _fixture;

    public PlatformBoundaryTests(LocalApiFixture fixture) => _fixture = fixture;

    private static Dictionary<string, AttributeValue> Key(string partition, string sort) => new()
    {
        ["PK"] = new AttributeValue { S = partition },
        ["SK"] = new AttributeValue { S = sort },
    };

    [Fact]
    public async Task Vended_credentials_reach_their_own_partition()
    {
        var a = _fixture.Basic;
        var id = (await _fixture.Http.CreateOrderAsync(a))["id"]!.GetValue<string>();
        var credentials = await _fixture.VendAsync(a);
        using var dynamoDb = _fixture.Cloud.CreateDynamoDbClient(credentials.ToAwsCredentials());
        var item = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = a.TableName, Key = Key(a.PartitionKey, $"ORDER#{id}") });
        Assert.True(item.IsItemSet);
    }

    [Fact]
    public async Task Vended_credentials_cannot_touch_another_tenants_items_in_the_shared_table()
    {
        var a = _fixture.Basic;
        var b = _fixture.Neighbour;
        var id = (await _fixture.Http.CreateOrderAsync(b))["id"]!.GetValue<string>();
        var credentials = await _fixture.VendAsync(a);
        using var dynamoDb = _fixture.Cloud.CreateDynamoDbClient(credentials.ToAwsCredentials());

        await AssertDeniedAsync(() => dynamoDb.GetItemAsync(new GetItemRequest { TableName = b.TableName, Key = Key(b.PartitionKey, $"ORDER#{id}") }));
        await AssertDeniedAsync(() => dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = b.TableName,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = b.PartitionKey } },
        }));
        await AssertDeniedAsync(() => dynamoDb.PutItemAsync(new PutItemRequest { TableName = b.TableName, Item = Key(b.PartitionKey, "ORDER#planted") }));
        await AssertDeniedAsync(() => dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = b.TableName, Key = Key(b.PartitionKey, $"ORDER#{id}") }));
        await AssertDeniedAsync(() => dynamoDb.ScanAsync(new ScanRequest { TableName = b.TableName }));
        // A prefix trick: "TENANT#acme" must not match "TENANT#acme-evil"'s or any other partition.
        await AssertDeniedAsync(() => dynamoDb.GetItemAsync(new GetItemRequest { TableName = b.TableName, Key = Key($"{a.PartitionKey}x", "ORDER#1") }));
        await AssertDeniedAsync(() => dynamoDb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes>
            {
                [b.TableName] = new() { Keys = [Key(a.PartitionKey, "ORDER#1"), Key(b.PartitionKey, $"ORDER#{id}")] },
            },
        }));

        using var own = await _fixture.Http.SendAsync(HttpMethod.Get, $"/orders/{id}", b.AccessToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Vended_credentials_cannot_touch_another_tenants_silo_table()
    {
        var a = _fixture.Basic;
        var b = _fixture.Premium;
        var id = (await _fixture.Http.CreateOrderAsync(b))["id"]!.GetValue<string>();
        var credentials = await _fixture.VendAsync(a);
        using var dynamoDb = _fixture.Cloud.CreateDynamoDbClient(credentials.ToAwsCredentials());

        await AssertDeniedAsync(() => dynamoDb.GetItemAsync(new GetItemRequest { TableName = b.TableName, Key = Key(b.PartitionKey, $"ORDER#{id}") }));
        // Even A's own partition key inside B's table is refused: the table itself is B's.
        await AssertDeniedAsync(() => dynamoDb.GetItemAsync(new GetItemRequest { TableName = b.TableName, Key = Key(a.PartitionKey, $"ORDER#{id}") }));
        await AssertDeniedAsync(() => dynamoDb.ScanAsync(new ScanRequest { TableName = b.TableName }));
    }

    [Fact]
    public async Task Vended_credentials_cannot_use_another_tenants_key_or_encryption_context()
    {
        var a = _fixture.Basic;
        var b = _fixture.Premium;
        var credentials = await _fixture.VendAsync(a);
        using var kms = _fixture.Cloud.CreateKmsClient(credentials.ToAwsCredentials());

        // A's own key with A's context works (control).
        var own = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = a.Onboarded.Placement.KmsKeyId, KeySpec = DataKeySpec.AES_256, EncryptionContext = new() { ["tenant"] = a.Id } });
        Assert.Equal(32, own.Plaintext.Length);

        await AssertDeniedAsync(() => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = b.Onboarded.Placement.KmsKeyId, KeySpec = DataKeySpec.AES_256, EncryptionContext = new() { ["tenant"] = b.Id } }));
        await AssertDeniedAsync(() => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = b.Onboarded.KmsKeyArn, KeySpec = DataKeySpec.AES_256, EncryptionContext = new() { ["tenant"] = a.Id } }));
        await AssertDeniedAsync(() => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = a.Onboarded.Placement.KmsKeyId, KeySpec = DataKeySpec.AES_256, EncryptionContext = new() { ["tenant"] = b.Id } }));

        // Another tenant's wrapped data key, made by the admin, cannot be unwrapped with A's credentials under any
        // context. (The suspended tenant's key, so the per-tenant KMS counters of served tenants stay the API's own.)
        var other = _fixture.Suspended;
        using var adminKms = _fixture.Cloud.CreateKmsClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        var bKey = await adminKms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = other.Onboarded.KmsKeyArn, KeySpec = DataKeySpec.AES_256, EncryptionContext = new() { ["tenant"] = other.Id } });
        await AssertDeniedAsync(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(bKey.CiphertextBlob.ToArray()), EncryptionContext = new() { ["tenant"] = other.Id } }));
        await AssertDeniedAsync(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(bKey.CiphertextBlob.ToArray()), EncryptionContext = new() { ["tenant"] = a.Id } }));
    }

    [Fact]
    public async Task The_api_functions_own_credentials_reach_no_tenant_data()
    {
        var a = _fixture.Basic;
        var id = (await _fixture.Http.CreateOrderAsync(a))["id"]!.GetValue<string>();
        using var dynamoDb = _fixture.Cloud.CreateDynamoDbClient(_fixture.Cloud.ApiCredentials.ToAwsCredentials());
        await AssertDeniedAsync(() => dynamoDb.GetItemAsync(new GetItemRequest { TableName = a.TableName, Key = Key(a.PartitionKey, $"ORDER#{id}") }));
        using var kms = _fixture.Cloud.CreateKmsClient(_fixture.Cloud.ApiCredentials.ToAwsCredentials());
        await AssertDeniedAsync(() => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = a.Onboarded.Placement.KmsKeyId, KeySpec = DataKeySpec.AES_256, EncryptionContext = new() { ["tenant"] = a.Id } }));
    }

    private static async Task AssertDeniedAsync<T>(Func<Task<T>> call)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(call);
        Assert.True(
            error.ErrorCode is "AccessDeniedException" or "AccessDenied" || error.StatusCode == System.Net.HttpStatusCode.Forbidden,
            $"Expected an access denial, got {error.ErrorCode} ({error.StatusCode}): {error.Message}");
    }
}
