using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Tenancy.Local.Tests.Cloud;

[Collection(LocalCloudCollection.Name)]
public sealed class KmsTests
{
    private readonly LocalCloudFixture _fixture;

    public KmsTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private static Dictionary<string, string> Context(string tenant) => new() { ["tenant"] = tenant };

    private AmazonKeyManagementServiceClient AdminKms() => _fixture.Cloud.CreateKmsClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());

    [Fact]
    public async Task Tenant_session_generates_and_decrypts_data_keys_under_its_own_key_and_context()
    {
        using var kms = _fixture.Cloud.CreateKmsClient(await _fixture.TenantCredentialsAsync("acme"));
        var before = _fixture.Cloud.Counters.Kms("GenerateDataKey", _fixture.Acme.KmsKeyId);

        var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/tenancy/acme", KeySpec = DataKeySpec.AES_256, EncryptionContext = Context("acme") });
        Assert.Equal(32, dataKey.Plaintext.Length);
        Assert.Equal(_fixture.Acme.KmsKeyArn, dataKey.KeyId);

        // Decrypt needs no KeyId: the blob names its key, as in AWS.
        var decrypted = await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = dataKey.CiphertextBlob, EncryptionContext = Context("acme") });
        Assert.Equal(dataKey.Plaintext.ToArray(), decrypted.Plaintext.ToArray());
        Assert.Equal(before + 1, _fixture.Cloud.Counters.Kms("GenerateDataKey", _fixture.Acme.KmsKeyId));
        Assert.True(_fixture.Cloud.Counters.KmsForTenant("Decrypt", "acme") >= 1);

        var sized = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = _fixture.Acme.KmsKeyArn, NumberOfBytes = 64, EncryptionContext = Context("acme") });
        Assert.Equal(64, sized.Plaintext.Length);
    }

    [Fact]
    public async Task A_wrong_encryption_context_fails_decryption()
    {
        using var kms = _fixture.Cloud.CreateKmsClient(await _fixture.TenantCredentialsAsync("acme"));
        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = "alias/tenancy/acme", Plaintext = new MemoryStream("secret"u8.ToArray()), EncryptionContext = Context("acme") });

        // Still tenant=acme but a different context: the tenant role refuses any context key besides "tenant", and
        // a principal IAM does allow (admin) still fails because the AES-GCM tag does not verify.
        var extra = Context("acme");
        extra["table"] = "AppData";
        var denied = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = extra }));
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        using var admin = _fixture.Cloud.CreateKmsClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        await Assert.ThrowsAsync<InvalidCiphertextException>(() => admin.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = extra }));

        var tampered = encrypted.CiphertextBlob.ToArray();
        tampered[^1] ^= 0x01;
        await Assert.ThrowsAsync<InvalidCiphertextException>(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(tampered), EncryptionContext = Context("acme") }));

        var ok = await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = Context("acme") });
        Assert.Equal("secret"u8.ToArray(), ok.Plaintext.ToArray());
    }

    [Fact]
    public async Task Tenant_session_is_denied_another_tenants_context_or_key()
    {
        using var kms = _fixture.Cloud.CreateKmsClient(await _fixture.TenantCredentialsAsync("acme"));

        var ex = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() =>
            kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/tenancy/acme", KeySpec = DataKeySpec.AES_256, EncryptionContext = Context("globex") }));
        Assert.Equal("AccessDeniedException", ex.ErrorCode);
        Assert.Contains("assumed-role/TenantDataRole/tenant-acme is not authorized to perform: kms:GenerateDataKey", ex.Message, StringComparison.Ordinal);

        ex = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() =>
            kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/tenancy/globex", KeySpec = DataKeySpec.AES_256, EncryptionContext = Context("acme") }));
        Assert.Equal("AccessDeniedException", ex.ErrorCode);

        ex = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() =>
            kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/tenancy/acme", KeySpec = DataKeySpec.AES_256 }));
        Assert.Equal("AccessDeniedException", ex.ErrorCode);

        // globex's own ciphertext cannot be decrypted by acme, whatever context acme claims.
        using var globex = _fixture.Cloud.CreateKmsClient(await _fixture.TenantCredentialsAsync("globex"));
        var globexKey = await globex.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/tenancy/globex", KeySpec = DataKeySpec.AES_256, EncryptionContext = Context("globex") });
        foreach (var claimed in new[] { "globex", "acme" })
        {
            ex = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() =>
                kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(globexKey.CiphertextBlob.ToArray()), EncryptionContext = Context(claimed) }));
            Assert.Equal("AccessDeniedException", ex.ErrorCode);
        }

        Assert.True(_fixture.Cloud.Counters.Denied("kms", "Decrypt") >= 2);
    }

    [Fact]
    public async Task The_api_principal_has_no_kms_permissions()
    {
        using var kms = _fixture.Cloud.CreateKmsClient(_fixture.Cloud.ApiCredentials.ToAwsCredentials());
        var ex = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() =>
            kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/tenancy/acme", KeySpec = DataKeySpec.AES_256, EncryptionContext = Context("acme") }));
        Assert.Equal("AccessDeniedException", ex.ErrorCode);
    }

    [Fact]
    public async Task Disabled_and_deleted_keys_refuse_to_decrypt()
    {
        using var admin = AdminKms();
        var key = await admin.CreateKeyAsync(new CreateKeyRequest { Description = "lifecycle", Tags = [new Tag { TagKey = "TenantID", TagValue = "lifecycle" }] });
        await admin.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/tenancy/lifecycle", TargetKeyId = key.KeyMetadata.KeyId });
        var aliases = await admin.ListAliasesAsync(new ListAliasesRequest { KeyId = key.KeyMetadata.KeyId });
        Assert.Equal("alias/tenancy/lifecycle", Assert.Single(aliases.Aliases).AliasName);

        using var kms = _fixture.Cloud.CreateKmsClient(await _fixture.TenantCredentialsAsync("lifecycle"));
        var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/tenancy/lifecycle", KeySpec = DataKeySpec.AES_256, EncryptionContext = Context("lifecycle") });
        DecryptRequest Decrypt() => new() { CiphertextBlob = new MemoryStream(dataKey.CiphertextBlob.ToArray()), EncryptionContext = Context("lifecycle") };

        await admin.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyMetadata.KeyId });
        await Assert.ThrowsAsync<DisabledException>(() => kms.DecryptAsync(Decrypt()));
        await Assert.ThrowsAsync<DisabledException>(() => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/tenancy/lifecycle", KeySpec = DataKeySpec.AES_256, EncryptionContext = Context("lifecycle") }));

        await admin.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyMetadata.KeyId });
        await kms.DecryptAsync(Decrypt());

        var scheduled = await admin.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyMetadata.KeyId, PendingWindowInDays = 7 });
        Assert.Equal(KeyState.PendingDeletion, scheduled.KeyState);
        await Assert.ThrowsAsync<KMSInvalidStateException>(() => kms.DecryptAsync(Decrypt()));
        var described = await admin.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/tenancy/lifecycle" });
        Assert.Equal(KeyState.PendingDeletion, described.KeyMetadata.KeyState);
        Assert.NotNull(described.KeyMetadata.DeletionDate);
    }

    [Fact]
    public async Task Keys_carry_tags_and_unknown_keys_are_not_found()
    {
        using var admin = AdminKms();
        var key = await admin.CreateKeyAsync(new CreateKeyRequest { Tags = [new Tag { TagKey = "TenantID", TagValue = "tagged" }] });
        await admin.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyMetadata.KeyId, Tags = [new Tag { TagKey = "Tier", TagValue = "Premium" }] });
        var tags = await admin.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyMetadata.Arn });
        Assert.Equal(["TenantID=tagged", "Tier=Premium"], tags.Tags.Select(t => $"{t.TagKey}={t.TagValue}"));

        await Assert.ThrowsAsync<NotFoundException>(() => admin.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/tenancy/nobody" }));
        await Assert.ThrowsAsync<AlreadyExistsException>(() => admin.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/tenancy/acme", TargetKeyId = key.KeyMetadata.KeyId }));
    }
}
