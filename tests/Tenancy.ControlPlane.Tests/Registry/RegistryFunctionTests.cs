using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.ControlPlane.Registry;
using Tenancy.ControlPlane.Tests.Infrastructure;
using Tenancy.Isolation;
using Tenancy.Testing.DynamoDb;

namespace Tenancy.ControlPlane.Tests.Registry;

/// <summary>The <c>registry</c> handler with the JSON the state machines send (docs/control-plane-functions.md).</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class RegistryFunctionTests(DynamoDbLocalFixture dynamo) : IAsyncLifetime
{
    private RegistryTable _table = null!;

    public async Task InitializeAsync() => _table = await RegistryTable.CreateAsync(dynamo);

    public async Task DisposeAsync() => await _table.DisposeAsync();

    [Fact]
    public async Task Onboarding_calls_in_json_return_the_item_without_the_api_key_value()
    {
        var register = await InvokeAsync("""{"transition":"register","tenantId":"acme","name":"Acme Corp","tier":"Premium"}""");
        var record = await InvokeAsync("""{"transition":"record-resources","tenantId":"acme","resources":{"kmsKeyId":"k-1","apiKeyId":"ak-1","apiKeyValue":"very-secret-key-value"}}""");
        var activate = await InvokeAsync("""{"transition":"activate","tenantId":"acme"}""");

        Assert.Equal("Provisioning", (string)register["status"]!);
        Assert.Equal("Silo", (string)register["model"]!);
        Assert.Equal("AppData-acme", (string)register["tableName"]!);
        Assert.Equal("ak-1", (string)record["resources"]!["apiKeyId"]!);
        Assert.Equal("Active", (string)activate["status"]!);
        Assert.DoesNotContain("very-secret-key-value", activate.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(activate["resources"]!["apiKeyValue"]);
        Assert.Equal("very-secret-key-value", (await _table.Writer.ReadAsync(TenantId.Parse("acme"), CancellationToken.None)).Resources.ApiKeyValue);
    }

    [Fact]
    public async Task A_failure_records_its_cause_and_get_reads_it_back()
    {
        await InvokeAsync("""{"transition":"register","tenantId":"acme","name":"Acme Corp","tier":"Basic"}""");
        await InvokeAsync("""{"transition":"fail","tenantId":"acme","cause":"States.TaskFailed: Kms.LimitExceededException"}""");

        var read = await InvokeAsync("""{"transition":"get","tenantId":"acme"}""");

        Assert.Equal("Failed", (string)read["status"]!);
        Assert.Equal("States.TaskFailed: Kms.LimitExceededException", (string)read["failureCause"]!);
    }

    [Theory]
    [InlineData("""{"transition":"explode","tenantId":"acme"}""", typeof(RegistryRequestException))]
    [InlineData("""{"transition":"register","tenantId":"acme","name":"Acme","tier":"Gold"}""", typeof(RegistryRequestException))]
    [InlineData("""{"transition":"register","tenantId":"acme","tier":"Basic"}""", typeof(RegistryRequestException))]
    [InlineData("""{"transition":"activate"}""", typeof(RegistryRequestException))]
    [InlineData("""{"transition":"activate","tenantId":"ACME!"}""", typeof(InvalidTenantIdException))]
    [InlineData("""{"transition":"activate","tenantId":"ghost"}""", typeof(TenantNotRegisteredException))]
    public async Task Bad_input_is_refused_with_a_named_error(string json, Type expected)
    {
        var error = await Record.ExceptionAsync(() => InvokeAsync(json));

        Assert.IsType(expected, error);
    }

    [Fact]
    public void Unknown_members_are_refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"transition":"activate","tenantId":"acme","status":"Active"}""", RegistryJsonContext.Default.RegistryRequest));
    }

    private async Task<JsonNode> InvokeAsync(string json)
    {
        var request = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), RegistryJsonContext.Default.RegistryRequest)!;
        var result = await new RegistryFunction(_table.Writer).HandleAsync(request, TestContexts.Invocation(), CancellationToken.None);
        return JsonNode.Parse(JsonSerializer.Serialize(result, RegistryJsonContext.Default.RegistryItemView))!;
    }
}
