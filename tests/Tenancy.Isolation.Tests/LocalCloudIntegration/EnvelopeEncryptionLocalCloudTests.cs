using System.Text;
using Amazon.KeyManagementService.Model;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Isolation.Tests.LocalCloudIntegration;

/// <summary><see cref="KmsTenantFieldEncryptor"/> through vended credentials against the local cloud's KMS and IAM.</summary>
[Collection(IsolationCloudCollection.Name)]
public sealed class EnvelopeEncryptionLocalCloudTests(IsolationCloudFixture fixture)
{
    private static readonly TenantRequestor Alice = new("alice-3f2a9c1e");
    private static readonly byte[] Email = Encoding.UTF8.GetBytes("alice@acme.example");

    [Fact]
    public async Task Round_trips_through_the_tenant_key_and_a_fresh_encryptor_unwraps_once()
    {
        var (scope, factory) = await ScopeAsync(fixture.Acme.TenantId);
        var context = Context(scope, "ORDER#1");

        var ciphertext = await scope.FieldEncryptor!.EncryptAsync(Email, context, CancellationToken.None);
        Assert.Equal(Email, await scope.FieldEncryptor.DecryptAsync(ciphertext, context, CancellationToken.None));
        Assert.Equal(0, factory.Counters.DecryptCalls(scope.TenantId));

        var (fresh, freshFactory) = await ScopeAsync(fixture.Acme.TenantId);
        var kmsDecryptsBefore = fixture.Cloud.Counters.KmsForTenant("Decrypt", "acme");
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(Email, await fresh.FieldEncryptor!.DecryptAsync(ciphertext, context, CancellationToken.None));
        }

        Assert.Equal(1, freshFactory.Counters.DecryptCalls(fresh.TenantId));
        Assert.Equal(1, fixture.Cloud.Counters.KmsForTenant("Decrypt", "acme") - kmsDecryptsBefore);
    }

    [Fact]
    public async Task At_most_one_generate_data_key_per_tenant_per_cache_window()
    {
        var (scope, factory) = await ScopeAsync(fixture.Globex.TenantId);
        var before = fixture.Cloud.Counters.KmsForTenant("GenerateDataKey", "globex");

        await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
            await scope.FieldEncryptor!.EncryptAsync(Email, Context(scope, $"ORDER#{i}"), CancellationToken.None)));

        Assert.Equal(1, factory.Counters.GenerateDataKeyCalls(scope.TenantId));
        Assert.Equal(1, fixture.Cloud.Counters.KmsForTenant("GenerateDataKey", "globex") - before);
        Assert.Equal(500, factory.Counters.Encryptions);
    }

    [Fact]
    public async Task A_value_of_tenant_a_does_not_decrypt_for_tenant_b()
    {
        var (acme, _) = await ScopeAsync(fixture.Acme.TenantId);
        var (globex, _) = await ScopeAsync(fixture.Globex.TenantId);
        var ciphertext = await acme.FieldEncryptor!.EncryptAsync(Email, Context(acme, "ORDER#7"), CancellationToken.None);

        // B's encryptor with B's context: B's key/context cannot unwrap A's data key.
        await Assert.ThrowsAsync<TenantEncryptionException>(async () =>
            await globex.FieldEncryptor!.DecryptAsync(ciphertext, Context(globex, "ORDER#7"), CancellationToken.None));

        // B's encryptor asked to open it as A's: refused before any key is touched.
        await Assert.ThrowsAsync<TenantEncryptionException>(async () =>
            await globex.FieldEncryptor!.DecryptAsync(ciphertext, Context(acme, "ORDER#7"), CancellationToken.None));
    }

    [Fact]
    public async Task The_platform_denies_b_s_credentials_unwrapping_a_s_data_key_with_a_s_context()
    {
        var (acme, _) = await ScopeAsync(fixture.Acme.TenantId);
        var (globex, _) = await ScopeAsync(fixture.Globex.TenantId);
        var ciphertext = await acme.FieldEncryptor!.EncryptAsync(Email, Context(acme, "ORDER#8"), CancellationToken.None);
        Assert.True(EncryptedFieldFormat.TryParse(ciphertext, out var envelope, out _));

        // A deliberately wrong encryptor: tenant A's id and key, but B's vended KMS client (an application bug).
        var confused = new KmsTenantFieldEncryptor(
            acme.TenantId, acme.Placement.KmsKeyId, globex.Kms, new TenantDataKeyCache(new FieldEncryptionOptions(), TimeProvider.System), new FieldEncryptionCounters(), TimeProvider.System);
        var ex = await Assert.ThrowsAsync<TenantEncryptionException>(async () =>
            await confused.DecryptAsync(ciphertext, Context(acme, "ORDER#8"), CancellationToken.None));

        Assert.Equal("AccessDeniedException", (ex.InnerException as Amazon.Runtime.AmazonServiceException)?.ErrorCode);
        Assert.True(fixture.Cloud.Counters.Denied("kms", "Decrypt") > 0);
        Assert.False(envelope.EncryptedDataKey.IsEmpty);
    }

    [Fact]
    public async Task Tampered_values_fail_closed()
    {
        var (scope, _) = await ScopeAsync(fixture.Acme.TenantId);
        var context = Context(scope, "ORDER#9");
        var ciphertext = await scope.FieldEncryptor!.EncryptAsync(Email, context, CancellationToken.None);

        foreach (var index in new[] { 0, 2, 20, ciphertext.Length - Email.Length - 20, ciphertext.Length - 1 })
        {
            var tampered = (byte[])ciphertext.Clone();
            tampered[index] ^= 0x80;
            await Assert.ThrowsAsync<TenantEncryptionException>(async () => await scope.FieldEncryptor.DecryptAsync(tampered, context, CancellationToken.None));
        }

        await Assert.ThrowsAsync<TenantEncryptionException>(async () => await scope.FieldEncryptor.DecryptAsync(ciphertext, context with { AttributeName = "phone" }, CancellationToken.None));
    }

    [Fact]
    public async Task After_the_tenant_key_is_disabled_a_fresh_encryptor_fails_closed()
    {
        var doomed = await fixture.Cloud.OnboardTenantAsync("doomed", "Doomed", TenantTier.Basic, TenancyModel.Pool);
        var (scope, _) = await ScopeAsync(doomed.TenantId);
        var context = Context(scope, "ORDER#1");
        var ciphertext = await scope.FieldEncryptor!.EncryptAsync(Email, context, CancellationToken.None);

        using var adminKms = fixture.Cloud.CreateKmsClient(fixture.Cloud.AdminCredentials.ToAwsCredentials());
        await adminKms.DisableKeyAsync(new DisableKeyRequest { KeyId = doomed.KmsKeyId });

        var (fresh, _) = await ScopeAsync(doomed.TenantId);
        var read = await Assert.ThrowsAsync<TenantEncryptionException>(async () => await fresh.FieldEncryptor!.DecryptAsync(ciphertext, context, CancellationToken.None));
        Assert.Equal("DisabledException", (read.InnerException as Amazon.Runtime.AmazonServiceException)?.ErrorCode);
        await Assert.ThrowsAsync<TenantEncryptionException>(async () => await fresh.FieldEncryptor!.EncryptAsync(Email, context, CancellationToken.None));
    }

    private async Task<(TenantScope Scope, KmsTenantFieldEncryptorFactory Factory)> ScopeAsync(TenantId tenantId)
    {
        var registry = fixture.NewRegistry();
        var factory = fixture.NewEncryptorFactory();
        var scopes = new TenantScopeFactory(registry, fixture.NewProvider(registry), factory);
        return (await scopes.CreateAsync(tenantId, Alice), factory);
    }

    private static EncryptedFieldContext Context(TenantScope scope, string sortKey) =>
        new(scope.TenantId, scope.Placement.TableName, $"TENANT#{scope.TenantId.Value}", sortKey, "email");
}
