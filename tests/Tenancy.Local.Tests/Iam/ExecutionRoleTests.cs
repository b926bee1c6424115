using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Local.Emulator.Template;
using Tenancy.Local.Tests.Cloud;

namespace Tenancy.Local.Tests.Iam;

/// <summary>
/// Each function runs with its own execution role: <c>Role</c> when the template names one, else the role SAM creates
/// from the function's inline statements. Locally those credentials get exactly what the statements allow.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class ExecutionRoleTests(LocalCloudFixture fixture)
{
    private static string TemplatePath => Path.Combine(RepositoryRoot.Find()!, "template.yaml");

    [Fact]
    public void Functions_run_as_the_named_role_or_the_one_sam_creates_from_their_statements()
    {
        var template = TenancyTemplate.Load(TemplatePath);

        Assert.Equal("ApiFunctionRole", template.ExecutionRole("ApiFunction").LogicalId);
        var registry = template.ExecutionRole("RegistryFunction");
        Assert.Equal("RegistryFunctionRole", registry.LogicalId);
        Assert.Equal("arn:aws:iam::000000000000:role/RegistryFunctionRole", registry.Arn);
        Assert.Equal(["lambda.amazonaws.com"], Assert.Single(registry.TrustPolicy.Statements).Principal!.ByType["Service"]);
        var statement = Assert.Single(Assert.Single(registry.IdentityPolicies).Statements);
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], statement.Actions);
        Assert.Equal(["arn:aws:dynamodb:us-east-1:000000000000:table/TenantRegistry"], statement.Resources);
        Assert.Equal("arn:aws:s3:::tenancy-local-tenantdatabucket", Assert.Single(template.ExecutionRole("TenantObjectsDeletionFunction").IdentityPolicies).Statements[0].Resources![0]);
        Assert.All(
            TemplateFunctionNames(),
            name => Assert.True(template.ExecutionRoles.ContainsKey(name), $"{name} has no execution role"));
    }

    [Fact]
    public async Task The_registry_function_may_write_the_registry_and_nothing_else()
    {
        var cloud = fixture.Cloud;
        using var dynamoDb = cloud.CreateDynamoDbClient(cloud.ExecutionRoleCredentials("RegistryFunction").ToAwsCredentials());

        var item = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = cloud.TenantRegistryTableName, Key = TenantRegistryItemCodec.Key(TenantId.Parse("acme")) });
        Assert.Equal("acme", item.Item[TenantRegistryAttributes.TenantId].S);

        await Assert.ThrowsAsync<AmazonDynamoDBException>(() => dynamoDb.ScanAsync(new ScanRequest { TableName = cloud.TenantRegistryTableName }));
        await Assert.ThrowsAsync<AmazonDynamoDBException>(() => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = cloud.AppDataTableName,
            Key = new Dictionary<string, AttributeValue> { ["PK"] = new("TENANT#acme"), ["SK"] = new("ORDER#1") },
        }));
    }

    [Fact]
    public async Task The_objects_deletion_function_may_delete_under_tenants_but_not_read_objects()
    {
        var cloud = fixture.Cloud;
        using var s3 = cloud.CreateS3Client(cloud.ExecutionRoleCredentials("TenantObjectsDeletionFunction").ToAwsCredentials());

        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = cloud.TenantDataBucketName, Prefix = "tenants/acme/" });
        Assert.Equal(System.Net.HttpStatusCode.OK, listed.HttpStatusCode);
        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(cloud.TenantDataBucketName, "tenants/acme/anything"));
        Assert.Equal("AccessDenied", denied.ErrorCode);
    }

    private static IReadOnlyList<string> TemplateFunctionNames() =>
        [.. Tenancy.Local.Functions.TemplateFunctionReader.Read(TemplatePath).Keys];
}
