using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>The DynamoDB control-plane calls of the workflows; a new table reports CREATING once before ACTIVE, as real tables do.</summary>
public sealed class SimulatedDynamoDbTables : SimulatedServiceBase
{
    private readonly Dictionary<string, (JsonNode Definition, int Describes)> _tables = new(StringComparer.Ordinal);

    public override string Service => "dynamodb";

    protected override string ErrorPrefix => "DynamoDb";

    public int DescribeCalls { get; private set; }

    public IReadOnlyList<string> TableNames()
    {
        lock (Gate)
        {
            return [.. _tables.Keys];
        }
    }

    public JsonNode DefinitionOf(string table)
    {
        lock (Gate)
        {
            return _tables[table].Definition.DeepClone();
        }
    }

    protected override JsonNode Handle(string action, JsonNode parameters)
    {
        var name = Text(parameters, "TableName");
        switch (action)
        {
            case "createTable":
                if (!_tables.TryAdd(name, (parameters.DeepClone(), 0)))
                {
                    throw Error("ResourceInUseException", $"Table already exists: {name}");
                }

                return new JsonObject { ["TableDescription"] = new JsonObject { ["TableName"] = name, ["TableStatus"] = "CREATING" } };
            case "describeTable":
                DescribeCalls++;
                if (!_tables.TryGetValue(name, out var table))
                {
                    throw Error("ResourceNotFoundException", $"Requested resource not found: Table: {name} not found");
                }

                _tables[name] = (table.Definition, table.Describes + 1);
                return new JsonObject { ["Table"] = new JsonObject { ["TableName"] = name, ["TableStatus"] = table.Describes == 0 ? "CREATING" : "ACTIVE" } };
            case "deleteTable":
                if (!_tables.Remove(name))
                {
                    throw Error("ResourceNotFoundException", $"Requested resource not found: Table: {name} not found");
                }

                return new JsonObject { ["TableDescription"] = new JsonObject { ["TableName"] = name, ["TableStatus"] = "DELETING" } };
            default:
                throw Error("DynamoDbException", $"Unsupported action {action}.");
        }
    }
}
