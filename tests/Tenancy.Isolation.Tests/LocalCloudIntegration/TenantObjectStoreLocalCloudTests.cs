using System.Text;
using Amazon.S3.Model;
using Tenancy.Isolation.Encryption;
using Tenancy.Isolation.Objects;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Isolation.Tests.LocalCloudIntegration;

/// <summary><see cref="TenantObjectStore"/> against the local S3 behind local IAM, with scopes built as the API builds them.</summary>
[Collection(IsolationCloudCollection.Name)]
public sealed class TenantObjectStoreLocalCloudTests(IsolationCloudFixture fixture)
{
    private static readonly TenantRequestor Alice = new("alice-3f2a9c1e");
    private static readonly TenantObjectArea Docs = TenantObjectArea.Parse("docs");

    private TenantObjectStore Store(bool encrypt = true, int maxBytes = 1024 * 1024) =>
        new(new TenantObjectOptions { BucketName = fixture.Cloud.TenantDataBucketName, EncryptObjects = encrypt, MaxObjectBytes = maxBytes });

    private async Task<TenantScope> ScopeAsync(TenantId tenantId)
    {
        var registry = fixture.NewRegistry();
        var scopes = new TenantScopeFactory(registry, fixture.NewProvider(registry), fixture.NewEncryptorFactory());
        return await scopes.CreateAsync(tenantId, Alice);
    }

    [Fact]
    public async Task Round_trips_an_encrypted_object_under_the_tenants_prefix()
    {
        var scope = await ScopeAsync(fixture.Acme.TenantId);
        var store = Store();
        var name = TenantObjectName.Parse("contract.pdf");
        await store.PutAsync(scope, Docs, name, Encoding.UTF8.GetBytes("%PDF-1.7 contract"), "application/pdf", CancellationToken.None);

        var read = await store.GetAsync(scope, Docs, name, CancellationToken.None);
        Assert.Equal("%PDF-1.7 contract", Encoding.UTF8.GetString(read.Content.Span));
        Assert.Equal("application/pdf", read.ContentType);

        // What S3 holds is ciphertext at tenants/acme/docs/contract.pdf.
        using var admin = fixture.Cloud.CreateS3Client(fixture.Cloud.AdminCredentials.ToAwsCredentials());
        using var raw = await admin.GetObjectAsync(fixture.Cloud.TenantDataBucketName, "tenants/acme/docs/contract.pdf");
        using var buffer = new MemoryStream();
        await raw.ResponseStream.CopyToAsync(buffer);
        Assert.DoesNotContain("contract", Encoding.UTF8.GetString(buffer.ToArray()), StringComparison.Ordinal);

        var page = await store.ListAsync(scope, Docs, PageRequest.First(10), CancellationToken.None);
        Assert.Contains(page.Items, i => i.Name == "contract.pdf");

        await store.DeleteAsync(scope, Docs, name, CancellationToken.None);
        await Assert.ThrowsAsync<TenantObjectNotFoundException>(() => store.GetAsync(scope, Docs, name, CancellationToken.None));
        await Assert.ThrowsAsync<TenantObjectNotFoundException>(() => store.DeleteAsync(scope, Docs, name, CancellationToken.None));
    }

    [Fact]
    public async Task Refuses_oversized_and_unlisted_content_before_anything_is_written()
    {
        var scope = await ScopeAsync(fixture.Acme.TenantId);
        var store = Store(maxBytes: 16);
        var name = TenantObjectName.Parse("refused.txt");
        await Assert.ThrowsAsync<ObjectTooLargeException>(() => store.PutAsync(scope, Docs, name, new byte[17], "text/plain", CancellationToken.None));
        await Assert.ThrowsAsync<UnsupportedObjectContentTypeException>(() => store.PutAsync(scope, Docs, name, new byte[4], "text/html", CancellationToken.None));
        await Assert.ThrowsAsync<UnsupportedObjectContentTypeException>(() => store.PutAsync(scope, Docs, name, new byte[4], null, CancellationToken.None));
        await Assert.ThrowsAsync<TenantObjectNotFoundException>(() => store.GetAsync(scope, Docs, name, CancellationToken.None));
    }

    [Fact]
    public async Task One_tenant_never_sees_another_tenants_objects_and_ciphertext_does_not_move()
    {
        var acme = await ScopeAsync(fixture.Acme.TenantId);
        var globex = await ScopeAsync(fixture.Globex.TenantId);
        var store = Store();
        var name = TenantObjectName.Parse("shared-name.txt");
        await store.PutAsync(globex, Docs, name, Encoding.UTF8.GetBytes("globex secret"), "text/plain", CancellationToken.None);

        // Same area and name: acme's scope addresses tenants/acme/…, so globex's object simply is not there.
        await Assert.ThrowsAsync<TenantObjectNotFoundException>(() => acme.GetAsync(store, name));
        var acmePage = await store.ListAsync(acme, Docs, PageRequest.First(100), CancellationToken.None);
        Assert.DoesNotContain(acmePage.Items, i => i.Name == "shared-name.txt");

        // Raw clients with acme's vended credentials are denied globex's key by IAM.
        var s3 = acme.S3;
        var denied = await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(() => s3.GetObjectAsync(fixture.Cloud.TenantDataBucketName, "tenants/globex/docs/shared-name.txt"));
        Assert.Equal("AccessDenied", denied.ErrorCode);

        // Globex's ciphertext copied into acme's prefix does not decrypt for acme (other key, other context).
        using var admin = fixture.Cloud.CreateS3Client(fixture.Cloud.AdminCredentials.ToAwsCredentials());
        using var original = await admin.GetObjectAsync(fixture.Cloud.TenantDataBucketName, "tenants/globex/docs/shared-name.txt");
        using var copy = new MemoryStream();
        await original.ResponseStream.CopyToAsync(copy);
        var planted = new PutObjectRequest { BucketName = fixture.Cloud.TenantDataBucketName, Key = "tenants/acme/docs/shared-name.txt", InputStream = new MemoryStream(copy.ToArray()) };
        planted.Metadata.Add("tenancy-encryption", "field-v1");
        planted.Metadata.Add("tenancy-content-type", "text/plain");
        await admin.PutObjectAsync(planted);
        await Assert.ThrowsAsync<TenantEncryptionException>(() => acme.GetAsync(store, name));

        // Plaintext planted where ciphertext is required is refused, never served.
        await admin.PutObjectAsync(new PutObjectRequest { BucketName = fixture.Cloud.TenantDataBucketName, Key = "tenants/acme/docs/plain.txt", ContentBody = "plain" });
        await Assert.ThrowsAsync<TenantEncryptionException>(() => store.GetAsync(acme, Docs, TenantObjectName.Parse("plain.txt"), CancellationToken.None));
    }

    [Fact]
    public async Task Lists_in_pages_with_tokens_bound_to_tenant_and_area()
    {
        var scope = await ScopeAsync(fixture.Acme.TenantId);
        var other = await ScopeAsync(fixture.Globex.TenantId);
        var store = Store(encrypt: false);
        var area = TenantObjectArea.Parse("paged");
        foreach (var n in new[] { "1.txt", "2.txt", "3.txt", "4.txt", "5.txt" })
        {
            await store.PutAsync(scope, area, TenantObjectName.Parse(n), Encoding.UTF8.GetBytes(n), "text/plain", CancellationToken.None);
        }

        var names = new List<string>();
        var request = PageRequest.First(2);
        string? firstToken = null;
        while (true)
        {
            var page = await store.ListAsync(scope, area, request, CancellationToken.None);
            names.AddRange(page.Items.Select(i => i.Name));
            firstToken ??= page.ContinuationToken;
            if (page.ContinuationToken is null)
            {
                break;
            }

            request = new PageRequest(2, page.ContinuationToken);
        }

        Assert.Equal(["1.txt", "2.txt", "3.txt", "4.txt", "5.txt"], names);
        Assert.NotNull(firstToken);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => store.ListAsync(other, area, new PageRequest(2, firstToken), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => store.ListAsync(scope, Docs, new PageRequest(2, firstToken), CancellationToken.None));
    }
}

internal static class TenantScopeObjectExtensions
{
    private static readonly TenantObjectArea Docs = TenantObjectArea.Parse("docs");

    public static Task<TenantObject> GetAsync(this TenantScope scope, TenantObjectStore store, TenantObjectName name) =>
        store.GetAsync(scope, Docs, name, CancellationToken.None);
}
