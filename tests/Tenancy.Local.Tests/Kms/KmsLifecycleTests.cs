using Amazon.KeyManagementService.Model;
using Tenancy.Local.Tests.AwsCli;
using Tenancy.Local.Tests.Cloud;

namespace Tenancy.Local.Tests.Kms;

/// <summary>The key lifecycle the onboarding and offboarding workflows drive: with the AWS SDK and with the real AWS CLI.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class KmsLifecycleTests
{
    private readonly LocalCloudFixture _fixture;

    public KmsLifecycleTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private static Dictionary<string, string> Context(string tenant) => new() { ["tenant"] = tenant };

    private Task<AwsCliResult> Cli(params string[] arguments) => AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, ["kms", .. arguments]);

    [Fact]
    public async Task Deleting_the_alias_frees_the_name_for_re_onboarding_while_the_old_key_waits_for_deletion()
    {
        using var admin = _fixture.Cloud.CreateKmsClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        var first = await admin.CreateKeyAsync(new CreateKeyRequest { Description = "Tenancy tenant key for reborn", Tags = [new Tag { TagKey = "TenantID", TagValue = "reborn" }] });
        await admin.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/tenancy/reborn", TargetKeyId = first.KeyMetadata.KeyId });
        using var tenant = _fixture.Cloud.CreateKmsClient(await _fixture.TenantCredentialsAsync("reborn"));
        var oldCiphertext = await tenant.EncryptAsync(new EncryptRequest { KeyId = "alias/tenancy/reborn", Plaintext = new MemoryStream("old"u8.ToArray()), EncryptionContext = Context("reborn") });

        // Offboarding: shred the key and free the alias.
        await admin.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = first.KeyMetadata.KeyId, PendingWindowInDays = 7 });
        await Assert.ThrowsAsync<KMSInvalidStateException>(() => admin.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/tenancy/reborn-2", TargetKeyId = first.KeyMetadata.KeyId }));
        await admin.DeleteAliasAsync(new DeleteAliasRequest { AliasName = "alias/tenancy/reborn" });
        await Assert.ThrowsAsync<NotFoundException>(() => admin.DeleteAliasAsync(new DeleteAliasRequest { AliasName = "alias/tenancy/reborn" }));
        await Assert.ThrowsAsync<NotFoundException>(() => admin.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/tenancy/reborn" }));

        // Re-onboarding the same tenant id within the waiting period gets a new key under the same alias.
        var second = await admin.CreateKeyAsync(new CreateKeyRequest { Description = "Tenancy tenant key for reborn", Tags = [new Tag { TagKey = "TenantID", TagValue = "reborn" }] });
        await admin.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/tenancy/reborn", TargetKeyId = second.KeyMetadata.KeyId });
        Assert.Equal(second.KeyMetadata.KeyId, (await admin.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/tenancy/reborn" })).KeyMetadata.KeyId);
        await Assert.ThrowsAsync<KMSInvalidStateException>(() => tenant.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(oldCiphertext.CiphertextBlob.ToArray()), EncryptionContext = Context("reborn") }));

        // UpdateAlias repoints an alias; a key pending deletion cannot be its target.
        var spare = await admin.CreateKeyAsync(new CreateKeyRequest { Tags = [new Tag { TagKey = "TenantID", TagValue = "reborn" }] });
        await admin.UpdateAliasAsync(new UpdateAliasRequest { AliasName = "alias/tenancy/reborn", TargetKeyId = spare.KeyMetadata.KeyId });
        Assert.Equal(spare.KeyMetadata.KeyId, (await admin.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/tenancy/reborn" })).KeyMetadata.KeyId);
        await Assert.ThrowsAsync<KMSInvalidStateException>(() => admin.UpdateAliasAsync(new UpdateAliasRequest { AliasName = "alias/tenancy/reborn", TargetKeyId = first.KeyMetadata.KeyId }));
    }

    [Fact]
    public async Task The_cli_drives_the_whole_lifecycle_and_gets_kms_errors()
    {
        var created = (await Cli("create-key", "--description", "Tenancy tenant key for clico", "--tags", "TagKey=TenantID,TagValue=clico")).Json["KeyMetadata"]!;
        var keyId = (string)created["KeyId"]!;
        Assert.Equal("Enabled", (string)created["KeyState"]!);
        Assert.Equal("Tenancy tenant key for clico", (string)created["Description"]!);
        Assert.True((await Cli("create-alias", "--alias-name", "alias/tenancy/clico", "--target-key-id", keyId)).Succeeded);
        Assert.Equal("AlreadyExistsException", (await Cli("create-alias", "--alias-name", "alias/tenancy/clico", "--target-key-id", keyId)).ErrorCode);
        Assert.Contains((await Cli("list-aliases", "--key-id", keyId)).Json["Aliases"]!.AsArray(), a => (string)a!["AliasName"]! == "alias/tenancy/clico");
        Assert.True((await Cli("tag-resource", "--key-id", keyId, "--tags", "TagKey=Tier,TagValue=Basic")).Succeeded);
        var tags = (await Cli("list-resource-tags", "--key-id", keyId)).Json["Tags"]!.AsArray().Select(t => $"{t!["TagKey"]}={t["TagValue"]}").ToArray();
        Assert.Equal(new[] { "TenantID=clico", "Tier=Basic" }, tags);

        var plaintextFile = Path.Combine(Path.GetTempPath(), $"tenancy-kms-{Guid.NewGuid():N}.txt");
        var blobFile = Path.Combine(Path.GetTempPath(), $"tenancy-kms-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(plaintextFile, "hello"u8.ToArray());
        try
        {
            var encrypted = (await Cli("encrypt", "--key-id", "alias/tenancy/clico", "--plaintext", "fileb://" + plaintextFile, "--encryption-context", "tenant=clico")).Json;
            await File.WriteAllBytesAsync(blobFile, Convert.FromBase64String((string)encrypted["CiphertextBlob"]!));

            Assert.Equal("aGVsbG8=", (string)(await Cli("decrypt", "--ciphertext-blob", "fileb://" + blobFile, "--encryption-context", "tenant=clico")).Json["Plaintext"]!);
            Assert.Equal("InvalidCiphertextException", (await Cli("decrypt", "--ciphertext-blob", "fileb://" + blobFile, "--encryption-context", "tenant=other")).ErrorCode);

            Assert.True((await Cli("disable-key", "--key-id", keyId)).Succeeded);
            Assert.Equal("DisabledException", (await Cli("decrypt", "--ciphertext-blob", "fileb://" + blobFile, "--encryption-context", "tenant=clico")).ErrorCode);
            Assert.True((await Cli("enable-key", "--key-id", keyId)).Succeeded);

            var tooShort = await Cli("schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "6");
            Assert.False(tooShort.Succeeded);
            var scheduled = (await Cli("schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "7")).Json;
            Assert.Equal("PendingDeletion", (string)scheduled["KeyState"]!);
            Assert.Equal(7, (int)scheduled["PendingWindowInDays"]!);
            Assert.Equal("KMSInvalidStateException", (await Cli("decrypt", "--ciphertext-blob", "fileb://" + blobFile, "--encryption-context", "tenant=clico")).ErrorCode);
            Assert.Equal("KMSInvalidStateException", (await Cli("generate-data-key", "--key-id", keyId, "--key-spec", "AES_256", "--encryption-context", "tenant=clico")).ErrorCode);
            Assert.Equal("KMSInvalidStateException", (await Cli("schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "7")).ErrorCode);
            Assert.Equal("PendingDeletion", (string)(await Cli("describe-key", "--key-id", "alias/tenancy/clico")).Json["KeyMetadata"]!["KeyState"]!);

            // Cancelling leaves the key disabled, as KMS does; enabling it makes the old ciphertext readable again.
            Assert.True((await Cli("cancel-key-deletion", "--key-id", keyId)).Succeeded);
            Assert.Equal("Disabled", (string)(await Cli("describe-key", "--key-id", keyId)).Json["KeyMetadata"]!["KeyState"]!);
            Assert.True((await Cli("enable-key", "--key-id", keyId)).Succeeded);
            Assert.Equal("aGVsbG8=", (string)(await Cli("decrypt", "--ciphertext-blob", "fileb://" + blobFile, "--encryption-context", "tenant=clico")).Json["Plaintext"]!);
        }
        finally
        {
            File.Delete(blobFile);
            File.Delete(plaintextFile);
        }

        Assert.True((await Cli("delete-alias", "--alias-name", "alias/tenancy/clico")).Succeeded);
        Assert.Equal("NotFoundException", (await Cli("delete-alias", "--alias-name", "alias/tenancy/clico")).ErrorCode);
        Assert.Equal("NotFoundException", (await Cli("describe-key", "--key-id", "alias/tenancy/clico")).ErrorCode);

        var denied = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.ApiCredentials, "kms", "schedule-key-deletion", "--key-id", _fixture.Acme.KmsKeyId, "--pending-window-in-days", "7");
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Equal("Enabled", (string)(await Cli("describe-key", "--key-id", _fixture.Acme.KmsKeyId)).Json["KeyMetadata"]!["KeyState"]!);
    }
}
