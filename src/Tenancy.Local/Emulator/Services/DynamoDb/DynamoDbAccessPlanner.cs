using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// Works out what IAM must allow for a DynamoDB request, as AWS does: the action, the table or index ARN, and
/// <c>dynamodb:LeadingKeys</c> — the partition key of the item (Get/Put/Update/Delete), the partition value in the
/// key condition (Query), every key per table (batches, each table its own check), each item of a transaction as
/// its own Get/Put/Update/Delete/ConditionCheckItem, and none at all for Scan and PartiQL.
/// </summary>
public static partial class DynamoDbAccessPlanner
{
    /// <summary>Every table the request names, so their key schemas can be fetched before planning.</summary>
    public static IEnumerable<string> TablesNamed(string operation, JsonObject request)
    {
        if (request["TableName"]?.GetValue<string>() is { } table)
        {
            yield return table;
        }

        if (request["RequestItems"] is JsonObject items)
        {
            foreach (var (name, _) in items)
            {
                yield return name;
            }
        }

        foreach (var item in request["TransactItems"]?.AsArray() ?? [])
        {
            if (item is JsonObject wrapper && wrapper.FirstOrDefault().Value?["TableName"]?.GetValue<string>() is { } name)
            {
                yield return name;
            }
        }

        _ = operation;
    }

    public static List<DynamoDbAccess> Plan(string operation, JsonObject request, IReadOnlyDictionary<string, TableKeys> schemas)
    {
        var plan = new List<DynamoDbAccess>();
        switch (operation)
        {
            case "GetItem" or "UpdateItem" or "DeleteItem":
                plan.Add(ItemAccess(operation, Table(request), request["Key"], schemas));
                break;
            case "PutItem":
                plan.Add(ItemAccess(operation, Table(request), request["Item"], schemas));
                break;
            case "Query":
                plan.Add(QueryAccess(request, schemas));
                break;
            case "Scan":
                plan.Add(new DynamoDbAccess("dynamodb:Scan", Resource(Table(request), request["IndexName"]?.GetValue<string>()), null));
                break;
            case "BatchGetItem":
                foreach (var (table, spec) in request["RequestItems"] as JsonObject ?? [])
                {
                    var keys = (spec?["Keys"]?.AsArray() ?? []).Select(k => PartitionValue(table, k, schemas));
                    plan.Add(new DynamoDbAccess("dynamodb:BatchGetItem", LocalAccount.TableArn(table), Collect(keys)));
                }

                break;
            case "BatchWriteItem":
                foreach (var (table, writes) in request["RequestItems"] as JsonObject ?? [])
                {
                    var keys = (writes?.AsArray() ?? []).Select(w => PartitionValue(table, w?["PutRequest"]?["Item"] ?? w?["DeleteRequest"]?["Key"], schemas));
                    plan.Add(new DynamoDbAccess("dynamodb:BatchWriteItem", LocalAccount.TableArn(table), Collect(keys)));
                }

                break;
            case "TransactGetItems" or "TransactWriteItems":
                foreach (var wrapper in (request["TransactItems"]?.AsArray() ?? []).OfType<JsonObject>())
                {
                    var (kind, body) = wrapper.FirstOrDefault();
                    var itemAction = kind switch
                    {
                        "Get" => "GetItem",
                        "Put" => "PutItem",
                        "Update" => "UpdateItem",
                        "Delete" => "DeleteItem",
                        "ConditionCheck" => "ConditionCheckItem",
                        _ => "UnknownTransactItem",
                    };
                    var table = body?["TableName"]?.GetValue<string>() ?? string.Empty;
                    plan.Add(ItemAccess(itemAction, table, kind == "Put" ? body?["Item"] : body?["Key"], schemas));
                }

                break;
            case "ExecuteStatement" or "ExecuteTransaction" or "BatchExecuteStatement":
                var statements = operation == "ExecuteStatement"
                    ? [request["Statement"]?.GetValue<string>() ?? string.Empty]
                    : (request["TransactStatements"] ?? request["Statements"])?.AsArray().Select(s => s?["Statement"]?.GetValue<string>() ?? string.Empty).ToList() ?? [];
                plan.AddRange(statements.Select(PartiQlAccess));
                break;
            default:
                var resource = request["TableName"]?.GetValue<string>() is { } named ? LocalAccount.TableArn(named)
                    : request["ResourceArn"]?.GetValue<string>() ?? "*";
                plan.Add(new DynamoDbAccess("dynamodb:" + operation, resource, null));
                break;
        }

        return plan;
    }

    private static DynamoDbAccess ItemAccess(string operation, string table, JsonNode? key, IReadOnlyDictionary<string, TableKeys> schemas) =>
        new("dynamodb:" + operation, LocalAccount.TableArn(table), Collect([PartitionValue(table, key, schemas)]));

    private static DynamoDbAccess QueryAccess(JsonObject request, IReadOnlyDictionary<string, TableKeys> schemas)
    {
        var table = Table(request);
        var index = request["IndexName"]?.GetValue<string>();
        var partitionKey = schemas.TryGetValue(table, out var keys)
            ? index is null ? keys.PartitionKey : keys.IndexPartitionKeys.GetValueOrDefault(index)
            : null;
        var values = partitionKey is null ? [] : KeyConditionPartitionValues.Find(request, partitionKey);
        return new DynamoDbAccess("dynamodb:Query", Resource(table, index), values.Count == 0 ? null : values);
    }

    private static DynamoDbAccess PartiQlAccess(string statement)
    {
        var match = PartiQlTarget().Match(statement);
        var verb = match.Success ? match.Groups["verb"].Value.ToUpperInvariant() : "SELECT";
        var action = verb switch
        {
            "INSERT" => "dynamodb:PartiQLInsert",
            "UPDATE" => "dynamodb:PartiQLUpdate",
            "DELETE" => "dynamodb:PartiQLDelete",
            _ => "dynamodb:PartiQLSelect",
        };
        var resource = match.Success
            ? Resource(match.Groups["table"].Value, match.Groups["index"].Success ? match.Groups["index"].Value : null)
            : "*";
        return new DynamoDbAccess(action, resource, null);
    }

    private static string? PartitionValue(string table, JsonNode? key, IReadOnlyDictionary<string, TableKeys> schemas) =>
        schemas.TryGetValue(table, out var keys) ? AttributeValueText.Of(key?[keys.PartitionKey]) : null;

    // If any key cannot be read (unknown table, missing partition attribute) LeadingKeys is left absent, so the
    // policy's Null guard denies the whole request — fail closed rather than check only the readable keys.
    private static List<string>? Collect(IEnumerable<string?> values)
    {
        var list = values.ToList();
        return list.Count == 0 || list.Any(v => v is null) ? null : list.Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Table(JsonObject request) => request["TableName"]?.GetValue<string>() ?? string.Empty;

    private static string Resource(string table, string? index) =>
        index is null ? LocalAccount.TableArn(table) : $"{LocalAccount.TableArn(table)}/index/{index}";

    [GeneratedRegex("""^\s*(?:(?<verb>SELECT)\b.*?\bFROM|(?<verb>INSERT)\s+INTO|(?<verb>UPDATE)|(?<verb>DELETE)\s+FROM)\s+"?(?<table>[A-Za-z0-9_-]+)"?(?:\."?(?<index>[A-Za-z0-9_.-]+)"?)?""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PartiQlTarget();
}
