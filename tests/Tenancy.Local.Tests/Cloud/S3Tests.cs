using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Tenancy.Local.Tests.Cloud;

/// <summary>The local S3 with the real AWS SDK for .NET and vended tenant credentials against the template's policy.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class S3Tests
{
    private readonly LocalCloudFixture _fixture;

    public S3Tests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private string Bucket => _fixture.Cloud.TenantDataBucketName;

    private async Task<AmazonS3Client> TenantS3Async(string tenantId) =>
        _fixture.Cloud.CreateS3Client(await _fixture.TenantCredentialsAsync(tenantId));

    private AmazonS3Client AdminS3() => _fixture.Cloud.CreateS3Client(_fixture.Cloud.AdminCredentials.ToAwsCredentials());

    private static async Task<string> ReadAsync(GetObjectResponse response)
    {
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task A_tenant_writes_reads_lists_and_deletes_under_its_own_prefix()
    {
        using var s3 = await TenantS3Async("acme");
        var key = "tenants/acme/docs/hello world ü.txt";
        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = "hello", ContentType = "text/plain" });
        Assert.Equal(HttpStatusCode.OK, put.HttpStatusCode);
        Assert.Equal("\"5d41402abc4b2a76b9719d911017c592\"", put.ETag);

        using (var got = await s3.GetObjectAsync(Bucket, key))
        {
            Assert.Equal("hello", await ReadAsync(got));
            Assert.Equal("text/plain", got.Headers.ContentType);
        }

        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/acme/docs/" });
        Assert.Contains(listed.S3Objects, o => o.Key == key && o.Size == 5);

        await s3.DeleteObjectAsync(Bucket, key);
        listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/acme/docs/" });
        Assert.DoesNotContain(listed.S3Objects ?? [], o => o.Key == key);
    }

    [Fact]
    public async Task Uploads_signed_the_ways_the_sdk_sends_them_are_verified_and_stored_intact()
    {
        using var s3 = await TenantS3Async("acme");
        var content = new byte[200_000];
        new Random(7).NextBytes(content);
        var counters = _fixture.Cloud.Counters;
        var before = counters.Snapshot();

        // A stream body: the SDK sends it aws-chunked (chunk signatures and/or a trailing checksum).
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/acme/blob/stream.bin", InputStream = new MemoryStream(content) });
        // Chunked encoding switched off: the body's own SHA-256 is signed.
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/acme/blob/whole.bin", InputStream = new MemoryStream(content), UseChunkEncoding = false });

        foreach (var key in new[] { "tenants/acme/blob/stream.bin", "tenants/acme/blob/whole.bin" })
        {
            using var got = await s3.GetObjectAsync(Bucket, key);
            using var buffer = new MemoryStream();
            await got.ResponseStream.CopyToAsync(buffer);
            Assert.Equal(content, buffer.ToArray());
        }

        var after = counters.Snapshot();
        var modes = after.Where(kv => kv.Key.StartsWith("s3:PutObject:payload/", StringComparison.Ordinal) && kv.Value > before.GetValueOrDefault(kv.Key)).Select(kv => kv.Key).ToList();
        Assert.Contains("s3:PutObject:payload/SHA256", modes);
        Assert.Contains(modes, m => m.Contains("STREAMING-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_is_denied_other_prefixes_and_the_bucket_root()
    {
        using var admin = AdminS3();
        await admin.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/globex/secret.txt", ContentBody = "globex only" });
        using var s3 = await TenantS3Async("acme");

        static async Task DeniedAsync(Func<Task> call)
        {
            var ex = await Assert.ThrowsAsync<AmazonS3Exception>(call);
            Assert.Equal("AccessDenied", ex.ErrorCode);
            Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        }

        await DeniedAsync(() => s3.GetObjectAsync(Bucket, "tenants/globex/secret.txt"));
        await DeniedAsync(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/globex/planted.txt", ContentBody = "x" }));
        await DeniedAsync(() => s3.DeleteObjectAsync(Bucket, "tenants/globex/secret.txt"));
        await DeniedAsync(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "root.txt", ContentBody = "x" }));
        await DeniedAsync(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/acme2/look-alike.txt", ContentBody = "x" }));

        // Listings: no prefix, the parent prefix, another tenant's, and a look-alike prefix without the slash.
        await DeniedAsync(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }));
        foreach (var prefix in new[] { "tenants/", "tenants/globex/", "tenants/acme", "" })
        {
            await DeniedAsync(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix }));
        }

        // A missing key of its own: S3 says AccessDenied, not NoSuchKey, to a caller that may not list the bucket.
        await DeniedAsync(() => s3.GetObjectAsync(Bucket, "tenants/acme/never-written.txt"));
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => admin.GetObjectAsync(Bucket, "tenants/acme/never-written.txt"));
        Assert.Equal("NoSuchKey", missing.ErrorCode);

        using var still = await admin.GetObjectAsync(Bucket, "tenants/globex/secret.txt");
        Assert.Equal("globex only", await ReadAsync(still));
        var planted = await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/globex/planted" });
        Assert.Empty(planted.S3Objects ?? []);
        Assert.True(_fixture.Cloud.Counters.Denied("s3", "GetObject") >= 2);
    }

    [Fact]
    public async Task A_multi_object_delete_removes_only_the_callers_own_keys()
    {
        using var admin = AdminS3();
        await admin.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/globex/keep.txt", ContentBody = "keep" });
        using var s3 = await TenantS3Async("acme");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/acme/batch/a.txt", ContentBody = "a" });

        // The SDK reports per-key errors by throwing, with the parsed result attached.
        var partial = await Assert.ThrowsAsync<DeleteObjectsException>(() => s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = Bucket,
            Objects = [new KeyVersion { Key = "tenants/acme/batch/a.txt" }, new KeyVersion { Key = "tenants/globex/keep.txt" }],
        }));
        var result = partial.Response;

        Assert.Equal(["tenants/acme/batch/a.txt"], result.DeletedObjects.Select(d => d.Key));
        var error = Assert.Single(result.DeleteErrors);
        Assert.Equal(("tenants/globex/keep.txt", "AccessDenied"), (error.Key, error.Code));
        using var kept = await admin.GetObjectAsync(Bucket, "tenants/globex/keep.txt");
        Assert.Equal("keep", await ReadAsync(kept));
    }

    [Fact]
    public async Task Listing_pages_with_continuation_tokens_and_rolls_up_at_the_delimiter()
    {
        using var s3 = await TenantS3Async("acme2");
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = $"tenants/acme2/pages/{name}.txt", ContentBody = name });
        }

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/acme2/pages/sub/z.txt", ContentBody = "z" });

        var keys = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/acme2/pages/", MaxKeys = 2, ContinuationToken = token });
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(6, keys.Count);
        Assert.Equal(3, pages);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);

        var rolled = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/acme2/pages/", Delimiter = "/" });
        Assert.Equal(5, rolled.S3Objects.Count);
        Assert.Equal(["tenants/acme2/pages/sub/"], rolled.CommonPrefixes);
    }

    [Fact]
    public async Task Bad_credentials_and_signatures_get_s3s_errors()
    {
        var real = await _fixture.TenantCredentialsAsync("acme");
        var immutable = await real.GetCredentialsAsync();

        using var wrongSecret = _fixture.Cloud.CreateS3Client(new SessionAWSCredentials(immutable.AccessKey, "not-the-secret", immutable.Token));
        var ex = await Assert.ThrowsAsync<AmazonS3Exception>(() => wrongSecret.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/acme/" }));
        Assert.Equal("SignatureDoesNotMatch", ex.ErrorCode);

        using var unknown = _fixture.Cloud.CreateS3Client(new BasicAWSCredentials("AKIAUNKNOWNKEY000000", "secret"));
        ex = await Assert.ThrowsAsync<AmazonS3Exception>(() => unknown.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/acme/" }));
        Assert.Equal("InvalidAccessKeyId", ex.ErrorCode);

        using var anonymous = _fixture.Cloud.CreateS3Client(new AnonymousAWSCredentials());
        ex = await Assert.ThrowsAsync<AmazonS3Exception>(() => anonymous.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/acme/" }));
        Assert.Equal("AccessDenied", ex.ErrorCode);
    }
}
