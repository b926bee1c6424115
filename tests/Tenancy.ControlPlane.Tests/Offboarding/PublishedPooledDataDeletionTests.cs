using System.Text.Json;
using System.Text.RegularExpressions;
using Tenancy.ControlPlane.Offboarding;
using Tenancy.ControlPlane.Tests.Infrastructure;
using Tenancy.Testing.Lambda;

namespace Tenancy.ControlPlane.Tests.Offboarding;

/// <summary>
/// The published Native-AOT control-plane bootstrap, started with <c>_HANDLER=pooled-data-deletion</c> against a Runtime
/// API, deletes a tenant's pooled items from DynamoDB Local invocation by invocation, as Step Functions would drive it.
/// </summary>
[Collection(PooledDataCollection.Name)]
public sealed partial class PublishedPooledDataDeletionTests(PooledDataStore store, PublishedControlPlane published) : IClassFixture<PublishedControlPlane>
{

    [Fact]
    public void The_aot_publish_has_no_trim_or_aot_warnings()
    {
        Assert.Empty(TrimOrAotWarning().Matches(published.PublishLog));
    }

    [Fact]
    public async Task The_published_bootstrap_deletes_a_tenant_through_the_runtime_api_until_the_cursor_is_null()
    {
        await store.SeedAsync("aot-leaving", 450);
        await using var api = await FakeRuntimeApi.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["_HANDLER"] = OffboardingFunctions.PooledDataDeletion,
            [PooledDataDeletionOptions.TableVariable] = store.TableName,
            [PooledDataDeletionOptions.MaxItemsVariable] = "200",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = store.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_REGION"] = "us-east-1",
        };
        await using var bootstrap = BootstrapProcess.Start(published.BootstrapPath, api.Address, environment);

        string? cursor = null;
        var deleted = 0;
        var invocations = 0;
        do
        {
            var input = JsonSerializer.Serialize(new { tenantId = "aot-leaving", cursor });
            var call = await api.Enqueue(input).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(call.Kind == "response", $"{call.Kind}: {call.BodyText}\n{bootstrap.Output}");
            using var output = JsonDocument.Parse(call.BodyText);
            Assert.Equal("aot-leaving", output.RootElement.GetProperty("tenantId").GetString());
            var count = output.RootElement.GetProperty("deleted").GetInt32();
            Assert.InRange(count, 0, 200);
            deleted += count;
            cursor = output.RootElement.GetProperty("cursor").GetString();
            invocations++;
            Assert.True(invocations < 50, "the deletion did not converge");
        }
        while (cursor is not null);

        Assert.Equal(450, deleted);
        Assert.True(invocations >= 3);
        Assert.Equal(0, await store.CountItemsAsync("aot-leaving"));
        Assert.Equal(PooledDataStore.BystanderItems, await store.CountItemsAsync(PooledDataStore.BystanderA));
        Assert.Equal(PooledDataStore.BystanderItems, await store.CountItemsAsync(PooledDataStore.BystanderB));
    }

    [Fact]
    public async Task The_published_bootstrap_answers_an_invalid_tenant_with_an_error_and_deletes_nothing()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["_HANDLER"] = OffboardingFunctions.PooledDataDeletion,
            [PooledDataDeletionOptions.TableVariable] = store.TableName,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = store.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        };
        await using var bootstrap = BootstrapProcess.Start(published.BootstrapPath, api.Address, environment);

        var call = await api.Enqueue("""{"tenantId":"TENANT#bystander-a","cursor":null}""").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("error", call.Kind);
        Assert.Contains(nameof(InvalidDeletionRequestException), call.BodyText, StringComparison.Ordinal);
        Assert.Equal(PooledDataStore.BystanderItems, await store.CountItemsAsync(PooledDataStore.BystanderA));
    }

    [GeneratedRegex(@"\bIL[23]\d{3}\b")]
    private static partial Regex TrimOrAotWarning();
}
