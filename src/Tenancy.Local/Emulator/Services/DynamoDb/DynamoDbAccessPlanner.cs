using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// Works out what IAM must allow for a DynamoDB request, as AWS does: the action, the table or index ARN, and
/// <c>dynamodb:LeadingKeys</c> — the partition key of the item (Get/Put/Update/Delete), the partition value in the
/// key condition (Query), every key per table (batches, each table its own check), each item of a transaction as
/// its own Get/Put/Update/Delete/ConditionCheckItem, and none at all for Scan and PartiQL; and the attribute-level
/// keys <c>dynamodb:Attributes</c>, <c>dynamodb:Select</c> and <c>dynamodb:ReturnValues</c> each part implies.
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
            case "GetItem":
                plan.Add(ItemAccess(operation, Table(request), request["Key"], schemas) with
                {
                    Attributes = AttributeNamesInRequest.Of(request, request["Key"]),
                    Select = EffectiveSelect(request, index: null),
                });
                break;
            case "UpdateItem" or "DeleteItem":
                plan.Add(ItemAccess(operation, Table(request), request["Key"], schemas) with
                {
                    Attributes = AttributeNamesInRequest.Of(request, request["Key"]),
                    ReturnValues = EffectiveReturnValues(request),
                });
                break;
            case "PutItem":
                plan.Add(ItemAccess(operation, Table(request), request["Item"], schemas) with
                {
                    Attributes = AttributeNamesInRequest.Of(request, request["Item"]),
                    ReturnValues = EffectiveReturnValues(request),
                });
                break;
            case "Query":
                plan.Add(QueryAccess(request, schemas) with
                {
                    Attributes = AttributeNamesInRequest.Of(request, null),
                    Select = EffectiveSelect(request, request["IndexName"]?.GetValue<string>()),
                });
                break;
            case "Scan":
                plan.Add(new DynamoDbAccess("dynamodb:Scan", Resource(Table(request), request["IndexName"]?.GetValue<string>()), null)
                {
                    Attributes = AttributeNamesInRequest.Of(request, null),
                    Select = EffectiveSelect(request, request["IndexName"]?.GetValue<string>()),
                });
                break;
            case "BatchGetItem":
                foreach (var (table, spec) in request["RequestItems"] as JsonObject ?? [])
                {
                    var keyList = spec?["Keys"]?.AsArray() ?? [];
                    var keys = keyList.Select(k => PartitionValue(table, k, schemas));
                    var part = spec as JsonObject ?? [];
                    plan.Add(new DynamoDbAccess("dynamodb:BatchGetItem", LocalAccount.TableArn(table), Collect(keys))
                    {
                        Attributes = keyList.SelectMany(k => AttributeNamesInRequest.Of(part, k)).Distinct(StringComparer.Ordinal).ToList(),
                        Select = EffectiveSelect(part, index: null),
                    });
                }

                break;
            case "BatchWriteItem":
                foreach (var (table, writes) in request["RequestItems"] as JsonObject ?? [])
                {
                    var targets = (writes?.AsArray() ?? []).Select(w => w?["PutRequest"]?["Item"] ?? w?["DeleteRequest"]?["Key"]).ToList();
                    var keys = targets.Select(t => PartitionValue(table, t, schemas));
                    plan.Add(new DynamoDbAccess("dynamodb:BatchWriteItem", LocalAccount.TableArn(table), Collect(keys))
                    {
                        Attributes = targets.SelectMany(t => AttributeNamesInRequest.Of([], t)).Distinct(StringComparer.Ordinal).ToList(),
                    });
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
                    var target = kind == "Put" ? body?["Item"] : body?["Key"];
                    var part = body as JsonObject ?? [];
                    plan.Add(ItemAccess(itemAction, table, target, schemas) with
                    {
                        Attributes = AttributeNamesInRequest.Of(part, target),
                        Select = kind == "Get" ? EffectiveSelect(part, index: null) : null,
                    });
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

    // DynamoDB evaluates the Select a read will actually use: a projection means SPECIFIC_ATTRIBUTES, none means the
    // whole item (or everything an index projects), so a policy requiring SPECIFIC_ATTRIBUTES denies a bare read.
    private static string EffectiveSelect(JsonObject part, string? index) =>
        part["Select"] is JsonValue explicitSelect && explicitSelect.TryGetValue<string>(out var select) ? select
        : AttributeNamesInRequest.HasProjection(part) ? "SPECIFIC_ATTRIBUTES"
        : index is null ? "ALL_ATTRIBUTES"
        : "ALL_PROJECTED_ATTRIBUTES";

    private static string EffectiveReturnValues(JsonObject request) =>
        request["ReturnValues"] is JsonValue explicitValues && explicitValues.TryGetValue<string>(out var values) ? values : "NONE";

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
