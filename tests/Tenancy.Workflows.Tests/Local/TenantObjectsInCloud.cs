using Amazon.S3.Model;
using Tenancy.Local.Emulator;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>A tenant's objects under <c>tenants/&lt;id&gt;/</c> in the template's bucket, put and listed by the account's admin.</summary>
internal static class TenantObjectsInCloud
{
    /// <summary>Puts <paramref name="count"/> objects, each written twice so the versioned bucket holds two versions of it.</summary>
    public static async Task PutAsync(LocalCloud cloud, string tenantId, int count)
    {
        using var s3 = cloud.CreateS3Client(cloud.AdminCredentials.ToAwsCredentials());
        for (var i = 0; i < count; i++)
        {
            foreach (var body in new[] { "first", "second" })
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = cloud.TenantDataBucketName, Key = $"tenants/{tenantId}/exports/{i:D4}.json", ContentBody = body });
            }
        }
    }

    /// <summary>Every version and delete marker under the tenant's prefix.</summary>
    public static async Task<IReadOnlyList<string>> VersionsAsync(LocalCloud cloud, string tenantId)
    {
        using var s3 = cloud.CreateS3Client(cloud.AdminCredentials.ToAwsCredentials());
        var versions = new List<string>();
        var request = new ListVersionsRequest { BucketName = cloud.TenantDataBucketName, Prefix = $"tenants/{tenantId}/" };
        ListVersionsResponse page;
        do
        {
            page = await s3.ListVersionsAsync(request);
            versions.AddRange((page.Versions ?? []).Select(v => $"{v.Key}@{v.VersionId}{(v.IsDeleteMarker == true ? " (delete marker)" : string.Empty)}"));
            request.KeyMarker = page.NextKeyMarker;
            request.VersionIdMarker = page.NextVersionIdMarker;
        }
        while (page.IsTruncated == true);

        return versions;
    }
}
