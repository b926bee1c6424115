using Amazon.S3.Model;
using Tenancy.Local.Emulator;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>A tenant's objects under <c>tenants/&lt;id&gt;/</c> in the template's bucket, put and listed by the account's admin.</summary>
internal static class TenantObjectsInCloud
{
    public static async Task PutAsync(LocalCloud cloud, string tenantId, int count)
    {
        using var s3 = cloud.CreateS3Client(cloud.AdminCredentials.ToAwsCredentials());
        for (var i = 0; i < count; i++)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = cloud.TenantDataBucketName, Key = $"tenants/{tenantId}/exports/{i:D4}.json", ContentBody = $"{{\"export\":{i}}}" });
        }
    }

    /// <summary>Every key under the tenant's prefix (the local S3 keeps no object versions, so current objects are all there is).</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(LocalCloud cloud, string tenantId)
    {
        using var s3 = cloud.CreateS3Client(cloud.AdminCredentials.ToAwsCredentials());
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = cloud.TenantDataBucketName, Prefix = $"tenants/{tenantId}/" };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => $"{o.Key} ({o.ETag})"));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return keys;
    }
}
