using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Services.Kms;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>What of a tenant is still live in a local cloud's stores, read raw (not through the workflows' handlers).</summary>
internal static class TenantResourcesInCloud
{
    public static async Task<IReadOnlyList<string>> LeftAsync(LocalCloud cloud, string tenantId)
    {
        var left = new List<string>();
        left.AddRange(cloud.KmsKeys.Keys.Where(k => k.Tags.GetValueOrDefault("TenantID") == tenantId && k.State != KmsKeyState.PendingDeletion).Select(k => $"key {k.KeyId} ({k.State})"));
        left.AddRange(cloud.KmsKeys.Aliases.Where(a => a.Alias == $"alias/tenancy/{tenantId}").Select(a => $"alias {a.Alias}"));
        if (await TableExistsAsync(cloud, $"AppData-{tenantId}"))
        {
            left.Add($"table AppData-{tenantId}");
        }

        left.AddRange(cloud.UserPool.Users.Where(u => u.Attributes.GetValueOrDefault("custom:tenantID") == tenantId).Select(u => $"user {u.Username}"));
        try
        {
            cloud.UserPool.Group($"tenant-{tenantId}");
            left.Add($"group tenant-{tenantId}");
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            // Gone, as it must be.
        }

        left.AddRange(cloud.ApiGateway.ApiKeys.Where(k => k.Tags.GetValueOrDefault("TenantID") == tenantId).Select(k => $"api key {k.Id}"));
        return left;
    }

    public static async Task<bool> TableExistsAsync(LocalCloud cloud, string tableName)
    {
        using var dynamoDb = RawDynamoDb(cloud);
        var tables = await dynamoDb.ListTablesAsync(new ListTablesRequest());
        return tables.TableNames.Contains(tableName);
    }

    /// <summary>A client straight to DynamoDB Local, past the local cloud's front and IAM.</summary>
    public static AmazonDynamoDBClient RawDynamoDb(LocalCloud cloud) =>
        new(new Amazon.Runtime.BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = cloud.DynamoDbLocalEndpoint.ToString(), AuthenticationRegion = cloud.Region });
}
