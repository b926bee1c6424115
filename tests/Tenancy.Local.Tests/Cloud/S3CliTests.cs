using Amazon.S3.Model;

namespace Tenancy.Local.Tests.Cloud;

/// <summary>The local S3 with the real aws CLI v1 (<c>aws s3</c> and <c>aws s3api</c>) and vended tenant credentials.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class S3CliTests
{
    private readonly LocalCloudFixture _fixture;

    public S3CliTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private string Bucket => _fixture.Cloud.TenantDataBucketName;

    private async Task<AwsCli> CliForAsync(string tenantId)
    {
        var credentials = await _fixture.TenantCredentialsAsync(tenantId);
        return new AwsCli(_fixture.Cloud, await credentials.GetCredentialsAsync());
    }

    [Fact]
    public async Task The_cli_copies_lists_reads_and_removes_under_the_tenants_prefix()
    {
        using var cli = await CliForAsync("acme");
        var file = Path.Combine(cli.WorkingDirectory, "report.txt");
        await File.WriteAllTextAsync(file, "quarterly report");

        var copy = await cli.RunAsync("s3", "cp", file, $"s3://{Bucket}/tenants/acme/cli/report.txt");
        Assert.True(copy.ExitCode == 0, copy.StdErr);

        var list = await cli.RunAsync("s3", "ls", $"s3://{Bucket}/tenants/acme/cli/");
        Assert.True(list.ExitCode == 0, list.StdErr);
        Assert.Contains("report.txt", list.StdOut, StringComparison.Ordinal);

        var read = await cli.RunAsync("s3", "cp", $"s3://{Bucket}/tenants/acme/cli/report.txt", "-");
        Assert.True(read.ExitCode == 0, read.StdErr);
        Assert.Equal("quarterly report", read.StdOut);

        var api = await cli.RunAsync("s3api", "list-objects-v2", "--bucket", Bucket, "--prefix", "tenants/acme/cli/", "--query", "Contents[].Key", "--output", "text");
        Assert.True(api.ExitCode == 0, api.StdErr);
        Assert.Equal("tenants/acme/cli/report.txt", api.StdOut.Trim());

        var remove = await cli.RunAsync("s3", "rm", $"s3://{Bucket}/tenants/acme/cli/report.txt");
        Assert.True(remove.ExitCode == 0, remove.StdErr);
        using var admin = _fixture.Cloud.CreateS3Client(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        var left = await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/acme/cli/" });
        Assert.Empty(left.S3Objects ?? []);
    }

    [Fact]
    public async Task The_cli_is_denied_another_tenants_prefix_and_an_unprefixed_listing()
    {
        using var admin = _fixture.Cloud.CreateS3Client(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        await admin.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "tenants/globex/cli-secret.txt", ContentBody = "globex" });
        using var cli = await CliForAsync("acme");
        var file = Path.Combine(cli.WorkingDirectory, "planted.txt");
        await File.WriteAllTextAsync(file, "planted");

        var attempts = new[]
        {
            await cli.RunAsync("s3", "cp", file, $"s3://{Bucket}/tenants/globex/planted.txt"),
            await cli.RunAsync("s3", "cp", $"s3://{Bucket}/tenants/globex/cli-secret.txt", "-"),
            await cli.RunAsync("s3", "ls", $"s3://{Bucket}/tenants/globex/"),
            await cli.RunAsync("s3", "ls", $"s3://{Bucket}/"),
            await cli.RunAsync("s3api", "list-objects-v2", "--bucket", Bucket),
            await cli.RunAsync("s3api", "delete-object", "--bucket", Bucket, "--key", "tenants/globex/cli-secret.txt"),
        };

        foreach (var attempt in attempts)
        {
            Assert.NotEqual(0, attempt.ExitCode);
            Assert.True(attempt.StdErr.Contains("AccessDenied", StringComparison.Ordinal) || attempt.StdErr.Contains("403", StringComparison.Ordinal), attempt.StdErr);
            Assert.DoesNotContain("globex\n", attempt.StdOut, StringComparison.Ordinal);
        }

        var secret = await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "tenants/globex/" });
        Assert.Contains(secret.S3Objects, o => o.Key == "tenants/globex/cli-secret.txt");
        Assert.DoesNotContain(secret.S3Objects, o => o.Key == "tenants/globex/planted.txt");
    }
}
