using Amazon.S3.Model;
using Tenancy.Local.Emulator;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>A tenant's objects under <c>tenants/&lt;id&gt;/</c> in the template's bucket, put and listed by the account's admin.</summary>
internal static class TenantObjectsInCloud
{
    /// <summary>Writes the first <paramref name="count"/> export keys; writing them again adds a version of each (the bucket is versioned).</summary>
    public static async Task PutAsync(LocalCloud cloud, string tenantId, int count, int revision = 0)
    {
        using var s3 = cloud.CreateS3Client(cloud.AdminCredentials.ToAwsCredentials());
        for (var i = 0; i < count; i++)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = cloud.TenantDataBucketName, Key = ExportKey(tenantId, i), ContentBody = $"{{\"export\":{i},\"revision\":{revision}}}" });
        }
    }

    /// <summary>Deletes the first <paramref name="count"/> export keys without a version id: each gets a delete marker and keeps its versions.</summary>
    public static async Task DeleteAsync(LocalCloud cloud, string tenantId, int count)
    {
        using var s3 = cloud.CreateS3Client(cloud.AdminCredentials.ToAwsCredentials());
        for (var i = 0; i < count; i++)
        {
            await s3.DeleteObjectAsync(cloud.TenantDataBucketName, ExportKey(tenantId, i));
        }
    }

    /// <summary>Every version and delete marker under the tenant's prefix, as <c>key version-id (etag|marker)</c>, listed in pages.</summary>
    public static async Task<IReadOnlyList<string>> VersionsAsync(LocalCloud cloud, string tenantId)
    {
        using var s3 = cloud.CreateS3Client(cloud.AdminCredentials.ToAwsCredentials());
        var versions = new List<string>();
        var request = new ListVersionsRequest { BucketName = cloud.TenantDataBucketName, Prefix = $"tenants/{tenantId}/", MaxKeys = 16 };
        ListVersionsResponse page;
        do
        {
            page = await s3.ListVersionsAsync(request);
            versions.AddRange((page.Versions ?? []).Select(v => $"{v.Key} {v.VersionId} ({(v.IsDeleteMarker == true ? "marker" : v.ETag)})"));
            request.KeyMarker = page.NextKeyMarker;
            request.VersionIdMarker = page.NextVersionIdMarker;
        }
        while (page.IsTruncated == true);

        return versions;
    }

    /// <summary>Every current key under the tenant's prefix (keys whose latest version is a delete marker are not listed).</summary>
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

    private static string ExportKey(string tenantId, int index) => $"tenants/{tenantId}/exports/{index:D4}.json";
}
