using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.DynamoDb;

namespace Tenancy.Security.Tests.Attributes;

/// <summary>The <c>dynamodb:Attributes</c> the local IAM evaluator derives from a request, shape by shape.</summary>
public sealed class AttributeNamesInRequestTests
{
    [Theory]
    [InlineData("""{"ProjectionExpression":"Id, #s, Lines[0].Sku, Meta.Nested.Deep","ExpressionAttributeNames":{"#s":"Status"}}""", "Id,Lines,Meta,Status")]
    [InlineData("""{"AttributesToGet":["Id","CustomerName"]}""", "CustomerName,Id")]
    [InlineData("""{"UpdateExpression":"SET #n = :v, Total = Total + :one REMOVE Note ADD Tags :t","ExpressionAttributeNames":{"#n":"CustomerName"}}""", "CustomerName,Note,Tags,Total")]
    [InlineData("""{"KeyConditionExpression":"PK = :pk AND begins_with(SK, :p)","FilterExpression":"attribute_exists(CustomerEmail) OR size(Lines) > :z"}""", "CustomerEmail,Lines,PK,SK")]
    [InlineData("""{"ProjectionExpression":"#undefined"}""", "#undefined")]
    [InlineData("""{}""", "")]
    public void Names_are_the_top_level_attributes_the_request_touches(string request, string expected)
    {
        var names = AttributeNamesInRequest.Of(JsonNode.Parse(request)!.AsObject(), null);
        Assert.Equal(expected, string.Join(",", names.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Key_and_item_attribute_names_count()
    {
        var item = JsonNode.Parse("""{"PK":{"S":"TENANT#a"},"SK":{"S":"ORDER#1"},"CustomerEmail":{"S":"x"}}""");
        Assert.Equal(["CustomerEmail", "PK", "SK"], AttributeNamesInRequest.Of([], item).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"TableName":"AppData","Key":{"PK":{"S":"TENANT#a"},"SK":{"S":"X"}}}""", "GetItem", "ALL_ATTRIBUTES", null)]
    [InlineData("""{"TableName":"AppData","Key":{"PK":{"S":"TENANT#a"},"SK":{"S":"X"}},"ProjectionExpression":"Id"}""", "GetItem", "SPECIFIC_ATTRIBUTES", null)]
    [InlineData("""{"TableName":"AppData","IndexName":"GSI1","KeyConditionExpression":"GSI1PK = :g","ExpressionAttributeValues":{":g":{"S":"TENANT#a"}}}""", "Query", "ALL_PROJECTED_ATTRIBUTES", null)]
    [InlineData("""{"TableName":"AppData","KeyConditionExpression":"PK = :g","Select":"COUNT","ExpressionAttributeValues":{":g":{"S":"TENANT#a"}}}""", "Query", "COUNT", null)]
    [InlineData("""{"TableName":"AppData","Item":{"PK":{"S":"TENANT#a"},"SK":{"S":"X"}}}""", "PutItem", null, "NONE")]
    [InlineData("""{"TableName":"AppData","Key":{"PK":{"S":"TENANT#a"},"SK":{"S":"X"}},"ReturnValues":"ALL_OLD"}""", "DeleteItem", null, "ALL_OLD")]
    public void Select_and_return_values_are_the_effective_ones(string request, string operation, string? select, string? returnValues)
    {
        var schemas = new Dictionary<string, TableKeys> { ["AppData"] = new("AppData", "PK", new Dictionary<string, string> { ["GSI1"] = "GSI1PK" }) };
        var access = Assert.Single(DynamoDbAccessPlanner.Plan(operation, JsonNode.Parse(request)!.AsObject(), schemas));
        Assert.Equal(select, access.Select);
        Assert.Equal(returnValues, access.ReturnValues);
        Assert.Equal(["TENANT#a"], access.LeadingKeys);
    }
}
