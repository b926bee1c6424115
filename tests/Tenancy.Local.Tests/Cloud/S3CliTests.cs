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

    [Fact]
    public async Task The_cli_sees_versions_and_delete_markers_and_a_tenant_is_denied_other_versions()
    {
        var adminCredentials = await _fixture.Cloud.AdminCredentials.ToAwsCredentials().GetCredentialsAsync();
        using var admin = new AwsCli(_fixture.Cloud, adminCredentials);
        var file = Path.Combine(admin.WorkingDirectory, "contract.txt");
        const string key = "tenants/globex/versions/contract.txt";
        var versionIds = new List<string>();
        foreach (var text in new[] { "draft", "signed" })
        {
            await File.WriteAllTextAsync(file, text);
            var put = await admin.RunAsync("s3api", "put-object", "--bucket", Bucket, "--key", key, "--body", file, "--query", "VersionId", "--output", "text");
            Assert.True(put.ExitCode == 0, put.StdErr);
            versionIds.Add(put.StdOut.Trim());
        }

        Assert.Equal(2, versionIds.Distinct(StringComparer.Ordinal).Count());
        var remove = await admin.RunAsync("s3api", "delete-object", "--bucket", Bucket, "--key", key, "--query", "[DeleteMarker, VersionId]", "--output", "text");
        Assert.True(remove.ExitCode == 0, remove.StdErr);
        var markerId = remove.StdOut.Trim().Split('\t')[1];
        Assert.StartsWith("True", remove.StdOut.Trim(), StringComparison.Ordinal);

        // The key reads as gone; its versions are all still there, the delete marker the latest, newest first.
        var gone = await admin.RunAsync("s3api", "head-object", "--bucket", Bucket, "--key", key);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("404", gone.StdErr, StringComparison.Ordinal);
        var listed = await admin.RunAsync("s3api", "list-object-versions", "--bucket", Bucket, "--prefix", "tenants/globex/versions/", "--query", "[Versions[].VersionId, DeleteMarkers[].[VersionId, IsLatest]]", "--output", "json");
        Assert.True(listed.ExitCode == 0, listed.StdErr);
        var compact = listed.StdOut.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        Assert.Equal($"[[\"{versionIds[1]}\",\"{versionIds[0]}\"],[[\"{markerId}\",true]]]", compact);
        var old = await admin.RunAsync("s3api", "get-object", "--bucket", Bucket, "--key", key, "--version-id", versionIds[0], Path.Combine(admin.WorkingDirectory, "old.txt"));
        Assert.True(old.ExitCode == 0, old.StdErr);
        Assert.Equal("draft", await File.ReadAllTextAsync(Path.Combine(admin.WorkingDirectory, "old.txt")));

        // A tenant session holds no version permission, not even for its own prefix, and none on globex's.
        using var acme = await CliForAsync("acme");
        var attempts = new[]
        {
            await acme.RunAsync("s3api", "list-object-versions", "--bucket", Bucket, "--prefix", "tenants/globex/"),
            await acme.RunAsync("s3api", "list-object-versions", "--bucket", Bucket, "--prefix", "tenants/acme/"),
            await acme.RunAsync("s3api", "get-object", "--bucket", Bucket, "--key", key, "--version-id", versionIds[0], Path.Combine(acme.WorkingDirectory, "stolen.txt")),
            await acme.RunAsync("s3api", "delete-object", "--bucket", Bucket, "--key", key, "--version-id", versionIds[0]),
            await acme.RunAsync("s3api", "delete-object", "--bucket", Bucket, "--key", key, "--version-id", markerId),
        };
        foreach (var attempt in attempts)
        {
            Assert.NotEqual(0, attempt.ExitCode);
            Assert.Contains("AccessDenied", attempt.StdErr, StringComparison.Ordinal);
        }

        // Deleting by version id removes that version for good; removing the marker makes the key readable again.
        var purge = await admin.RunAsync("s3api", "delete-object", "--bucket", Bucket, "--key", key, "--version-id", versionIds[0]);
        Assert.True(purge.ExitCode == 0, purge.StdErr);
        var unmark = await admin.RunAsync("s3api", "delete-object", "--bucket", Bucket, "--key", key, "--version-id", markerId);
        Assert.True(unmark.ExitCode == 0, unmark.StdErr);
        var after = await admin.RunAsync("s3api", "list-object-versions", "--bucket", Bucket, "--prefix", "tenants/globex/versions/", "--query", "[Versions[].VersionId, DeleteMarkers]", "--output", "json");
        Assert.True(after.ExitCode == 0, after.StdErr);
        Assert.Equal($"[[\"{versionIds[1]}\"],null]", after.StdOut.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
        var current = await acme.RunAsync("s3api", "head-object", "--bucket", Bucket, "--key", key);
        Assert.NotEqual(0, current.ExitCode);
        var read = await admin.RunAsync("s3", "cp", $"s3://{Bucket}/{key}", "-");
        Assert.True(read.ExitCode == 0, read.StdErr);
        Assert.Equal("signed", read.StdOut);
    }
}
