using System.Net;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService.Model;
using Tenancy.Api.Tests.Infrastructure;

namespace Tenancy.Api.Tests;

/// <summary>The customer's email is ciphertext at rest, bound to its tenant, and unreadable once the tenant key is disabled.</summary>
[Collection(LocalApiCollection.Name)]
public sealed class EncryptionTests
{
    private readonly LocalApiFixture _fixture;

    public EncryptionTests(LocalApiFixture fixture) => _fixture = fixture;

    private async Task<Dictionary<string, AttributeValue>> ReadRawAsync(TestTenant tenant, string id)
    {
        var response = await _fixture.AdminDynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tenant.TableName,
            Key = new() { ["PK"] = new() { S = tenant.PartitionKey }, ["SK"] = new() { S = $"ORDER#{id}" } },
            ConsistentRead = true,
        });
        Assert.True(response.IsItemSet, "the order item was not found where the placement says it is");
        return response.Item;
    }

    private static void AssertNowhereInPlaintext(Dictionary<string, AttributeValue> item, string secret)
    {
        foreach (var (name, value) in item)
        {
            Assert.DoesNotContain(secret, value.S ?? string.Empty, StringComparison.Ordinal);
            if (value.B is { } binary)
            {
                Assert.DoesNotContain(secret, Encoding.UTF8.GetString(binary.ToArray()), StringComparison.Ordinal);
                Assert.DoesNotContain(secret, Encoding.Latin1.GetString(binary.ToArray()), StringComparison.Ordinal);
            }

            Assert.False(name.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("premium")]
    public async Task The_email_is_ciphertext_in_the_table(string which)
    {
        var tenant = which == "basic" ? _fixture.Basic : _fixture.Premium;
        var secret = $"private-{Guid.NewGuid():N}@{tenant.Id}.example";
        var id = (await _fixture.Http.CreateOrderAsync(tenant, "Raw Reader", secret))["id"]!.GetValue<string>();

        var item = await ReadRawAsync(tenant, id);
        Assert.Equal("Raw Reader", item["CustomerName"].S);
        Assert.True(item.ContainsKey("CustomerEmail"), "the encrypted attribute is stored under its name");
        AssertNowhereInPlaintext(item, secret);

        using var get = await _fixture.Http.SendAsync(HttpMethod.Get, $"/orders/{id}", tenant.AccessToken);
        Assert.Equal(secret, (await get.JsonAsync(HttpStatusCode.OK))["customerEmail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ciphertext_moved_into_another_tenants_partition_does_not_decrypt()
    {
        var owner = _fixture.Basic;
        var thief = _fixture.Neighbour;
        var secret = $"moved-{Guid.NewGuid():N}@acme.example";
        var id = (await _fixture.Http.CreateOrderAsync(owner, "Moved", secret))["id"]!.GetValue<string>();

        // An insider with table access copies the item, ciphertext and all, into the other tenant's partition.
        var item = await ReadRawAsync(owner, id);
        item["PK"] = new AttributeValue { S = thief.PartitionKey };
        await _fixture.AdminDynamoDb.PutItemAsync(new PutItemRequest { TableName = thief.TableName, Item = item });

        using var response = await _fixture.Http.SendAsync(HttpMethod.Get, $"/orders/{id}", thief.AccessToken);
        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        Assert.EndsWith("tenant-data-unreadable", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, problem.ToJsonString(), StringComparison.Ordinal);

        using var list = await _fixture.Http.SendAsync(HttpMethod.Get, "/orders?limit=100", thief.AccessToken);
        var body = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, list.StatusCode);

        await _fixture.AdminDynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = thief.TableName, Key = new() { ["PK"] = item["PK"], ["SK"] = item["SK"] } });
    }

    [Fact]
    public async Task After_the_tenant_key_is_disabled_reads_fail_closed()
    {
        var tenant = _fixture.Shredded;
        var secret = $"shred-{Guid.NewGuid():N}@umbrella.example";
        var id = (await _fixture.Http.CreateOrderAsync(tenant, "Shredded", secret))["id"]!.GetValue<string>();

        using var adminKms = _fixture.Cloud.CreateKmsClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        await adminKms.DisableKeyAsync(new DisableKeyRequest { KeyId = tenant.Onboarded.KmsKeyId });

        // A cold API (cold data-key cache, as after a Lambda cold start or the cache window) must not decrypt.
        await using var fresh = await _fixture.StartColdApiAsync();
        using var http = new HttpClient { BaseAddress = fresh.BaseAddress };
        using var get = await http.SendAsync(HttpMethod.Get, $"/orders/{id}", tenant.AccessToken);
        var problem = await get.ProblemAsync(HttpStatusCode.InternalServerError);
        Assert.EndsWith("tenant-data-unreadable", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, problem.ToJsonString(), StringComparison.Ordinal);

        using var create = await http.SendAsync(HttpMethod.Post, "/orders", tenant.AccessToken, ApiHttp.NewOrder("After", "after@umbrella.example"));
        Assert.True((int)create.StatusCode >= 400, $"writing under a disabled key must fail, got {(int)create.StatusCode}");
        await create.ProblemAsync(create.StatusCode);
    }
}
