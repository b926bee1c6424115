using Amazon.S3;
using Amazon.S3.Model;
using Tenancy.ControlPlane.Offboarding;
using Tenancy.Local.Emulator;

namespace Tenancy.ControlPlane.Tests.Offboarding;

/// <summary><c>tenant-objects-deletion</c> against the local S3: paginated, resumable, and confined to one tenant's prefix.</summary>
public sealed class TenantObjectsDeletionTests : IClassFixture<LocalS3Fixture>
{
    private readonly LocalCloud _cloud;
    private readonly AmazonS3Client _s3;

    public TenantObjectsDeletionTests(LocalS3Fixture fixture)
    {
        _cloud = fixture.Cloud;
        _s3 = fixture.S3;
    }

    private string Bucket => _cloud.TenantDataBucketName;

    private async Task SeedAsync(string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = $"{prefix}{i:D3}.txt", ContentBody = "x", UseChunkEncoding = false });
        }
    }

    private async Task<int> CountAsync(string prefix)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, ContinuationToken = token });
            count += page.S3Objects?.Count ?? 0;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        return count;
    }

    [Fact]
    public async Task Deletes_every_object_of_the_tenant_over_resumed_invocations_and_nothing_else()
    {
        await SeedAsync("tenants/acme/docs/", 23);
        await SeedAsync("tenants/acme/orders/1/attachments/", 4);
        await SeedAsync("tenants/acme2/docs/", 5);
        await SeedAsync("tenants/globex/docs/", 6);
        await SeedAsync("tenants-acme/", 1);

        var deleter = new TenantObjectsDeleter(_s3, new TenantObjectsDeletionOptions { BucketName = Bucket, PageSize = 5, MaxPagesPerInvocation = 2 });
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        var result = await deleter.HandleAsync(new TenantObjectsDeletionRequest("acme", null), deadline, CancellationToken.None);
        var invocations = 1;
        var deleted = result.Deleted;
        Assert.Equal(10, result.Deleted);
        Assert.NotNull(result.Cursor);
        while (result.Cursor is not null)
        {
            result = await deleter.HandleAsync(new TenantObjectsDeletionRequest("acme", result.Cursor), deadline, CancellationToken.None);
            deleted += result.Deleted;
            invocations++;
        }

        Assert.Equal("acme", result.TenantId);
        Assert.Equal(27, deleted);
        Assert.InRange(invocations, 3, 4);
        Assert.Equal(0, await CountAsync("tenants/acme/"));
        Assert.Equal(5, await CountAsync("tenants/acme2/"));
        Assert.Equal(6, await CountAsync("tenants/globex/"));
        Assert.Equal(1, await CountAsync("tenants-acme/"));

        // A repeated run finds nothing and reports done.
        var again = await deleter.HandleAsync(new TenantObjectsDeletionRequest("acme", null), deadline, CancellationToken.None);
        Assert.Equal(0, again.Deleted);
        Assert.Null(again.Cursor);
    }

    [Fact]
    public async Task Deletes_every_version_and_delete_marker_of_the_tenant_and_keeps_the_neighbours_versions()
    {
        // Three versions of each key, then a delete marker on two of them: pages of 4 split keys between pages.
        foreach (var tenant in new[] { "wayne", "waynecorp" })
        {
            for (var version = 0; version < 3; version++)
            {
                await SeedAsync($"tenants/{tenant}/docs/", 5);
            }

            await _s3.DeleteObjectAsync(Bucket, $"tenants/{tenant}/docs/000.txt");
            await _s3.DeleteObjectAsync(Bucket, $"tenants/{tenant}/docs/003.txt");
        }

        Assert.Equal((15, 2), await CountVersionsAsync("tenants/wayne/"));
        Assert.Equal(3, await CountAsync("tenants/wayne/"));
        var deleter = new TenantObjectsDeleter(_s3, new TenantObjectsDeletionOptions { BucketName = Bucket, PageSize = 4, MaxPagesPerInvocation = 1 });
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        var result = await deleter.HandleAsync(new TenantObjectsDeletionRequest("wayne", null), deadline, CancellationToken.None);
        var deleted = result.Deleted;
        while (result.Cursor is not null)
        {
            result = await deleter.HandleAsync(new TenantObjectsDeletionRequest("wayne", result.Cursor), deadline, CancellationToken.None);
            deleted += result.Deleted;
        }

        Assert.Equal(17, deleted);
        Assert.Equal((0, 0), await CountVersionsAsync("tenants/wayne/"));
        Assert.Equal((15, 2), await CountVersionsAsync("tenants/waynecorp/"));
    }

    private async Task<(int Versions, int DeleteMarkers)> CountVersionsAsync(string prefix)
    {
        var (versions, markers) = (0, 0);
        var request = new ListVersionsRequest { BucketName = Bucket, Prefix = prefix, MaxKeys = 7 };
        while (true)
        {
            var page = await _s3.ListVersionsAsync(request);
            versions += (page.Versions ?? []).Count(v => v.IsDeleteMarker != true);
            markers += (page.Versions ?? []).Count(v => v.IsDeleteMarker == true);
            if (page.IsTruncated != true)
            {
                return (versions, markers);
            }

            request.KeyMarker = page.NextKeyMarker;
            request.VersionIdMarker = page.NextVersionIdMarker;
        }
    }

    [Fact]
    public async Task Refuses_invalid_tenants_and_cursors_of_another_tenant()
    {
        await SeedAsync("tenants/umbrella/keep/", 3);
        await SeedAsync("tenants/initech/go/", 3);
        var deleter = new TenantObjectsDeleter(_s3, new TenantObjectsDeletionOptions { BucketName = Bucket, PageSize = 1, MaxPagesPerInvocation = 1 });
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        var initech = await deleter.HandleAsync(new TenantObjectsDeletionRequest("initech", null), deadline, CancellationToken.None);
        Assert.NotNull(initech.Cursor);

        await Assert.ThrowsAsync<InvalidObjectsDeletionRequestException>(() => deleter.HandleAsync(new TenantObjectsDeletionRequest("umbrella", initech.Cursor), deadline, CancellationToken.None));
        foreach (var bad in new[] { null, string.Empty, "../umbrella", "UMBRELLA", "umbrella/", "tenants" + new string('x', 40) })
        {
            await Assert.ThrowsAsync<InvalidObjectsDeletionRequestException>(() => deleter.HandleAsync(new TenantObjectsDeletionRequest(bad, null), deadline, CancellationToken.None));
        }

        await Assert.ThrowsAsync<InvalidObjectsDeletionRequestException>(() => deleter.HandleAsync(new TenantObjectsDeletionRequest("initech", "not base64!"), deadline, CancellationToken.None));
        Assert.Equal(3, await CountAsync("tenants/umbrella/"));
        Assert.Equal(2, await CountAsync("tenants/initech/"));
    }

    [Fact]
    public async Task Fails_instead_of_reporting_done_when_s3_refuses_the_listing()
    {
        await SeedAsync("tenants/hooli/locked/", 2);

        // A tenant session may not delete under another tenant's prefix: S3 reports per-key AccessDenied.
        using var sts = _cloud.CreateStsClient(_cloud.ApiCredentials.ToAwsCredentials());
        var session = await sts.AssumeRoleAsync(new Amazon.SecurityToken.Model.AssumeRoleRequest
        {
            RoleArn = _cloud.TenantDataRoleArn,
            RoleSessionName = "tenant-globex",
            Tags = [new Amazon.SecurityToken.Model.Tag { Key = "TenantID", Value = "globex" }],
        });
        var c = session.Credentials;
        using var wrong = _cloud.CreateS3Client(new Amazon.Runtime.SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken));
        var listing = new TenantObjectsDeleter(wrong, new TenantObjectsDeletionOptions { BucketName = Bucket });

        // globex's session cannot even list hooli's prefix: the step fails, nothing is deleted.
        var ex = await Assert.ThrowsAsync<AmazonS3Exception>(() => listing.HandleAsync(new TenantObjectsDeletionRequest("hooli", null), DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));
        Assert.Equal("AccessDenied", ex.ErrorCode);
        Assert.Equal(2, await CountAsync("tenants/hooli/locked/"));
    }
}
