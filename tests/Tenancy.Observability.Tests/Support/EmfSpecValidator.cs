using System.Text;
using System.Text.Json;

namespace Tenancy.Observability.Tests.Support;

/// <summary>
/// Checks a log line against the rules of the published "Specification: Embedded metric format"
/// (CloudWatch User Guide) and its JSON schema, with the DimensionSet limit at the current 30:
/// root object with <c>_aws</c>; <c>_aws</c> = {Timestamp (integer ms since epoch), CloudWatchMetrics (array of
/// MetricDirective)} and nothing else; a MetricDirective = {Namespace (1–255), Dimensions (≥ 1 DimensionSet),
/// Metrics (≤ 100 MetricDefinition)} and nothing else; a DimensionSet has ≤ 30 keys, each a root member whose
/// value is a string; a MetricDefinition = {Name (1–255), Unit? (a CloudWatch unit), StorageResolution? (1 | 60)};
/// each Name is a root member holding a number or an array of at most 100 numbers; the line is at most 256 KiB.
/// Written from the specification's text, independently of the production code (no shared constants).
/// </summary>
internal static class EmfSpecValidator
{
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
        "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
        "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    public static void AssertValid(string line)
    {
        var errors = Validate(line);
        Assert.True(errors.Count == 0, "Invalid EMF document:\n  " + string.Join("\n  ", errors) + "\n" + Shorten(line));
    }

    public static List<string> Validate(string line)
    {
        var errors = new List<string>();
        if (Encoding.UTF8.GetByteCount(line) > 256 * 1024)
        {
            errors.Add("the document is larger than a CloudWatch log event (256 KiB)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            errors.Add("not valid JSON: " + exception.Message);
            return errors;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("the root node must be a JSON object");
                return errors;
            }

            if (!root.TryGetProperty("_aws", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
            {
                errors.Add("the root node must contain the object member _aws");
                return errors;
            }

            ValidateMetadata(root, metadata, errors);
        }

        return errors;
    }

    private static void ValidateMetadata(JsonElement root, JsonElement metadata, List<string> errors)
    {
        foreach (var member in metadata.EnumerateObject())
        {
            if (member.Name is not ("Timestamp" or "CloudWatchMetrics"))
            {
                errors.Add($"_aws must not contain the member '{member.Name}'");
            }
        }

        if (!metadata.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out var ms))
        {
            errors.Add("_aws.Timestamp must be an integer");
        }
        else if (ms < 1_000_000_000_000)
        {
            errors.Add($"_aws.Timestamp {ms} is not in milliseconds since the epoch");
        }

        if (!metadata.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
        {
            errors.Add("_aws.CloudWatchMetrics must be an array");
            return;
        }

        foreach (var directive in directives.EnumerateArray())
        {
            ValidateDirective(root, directive, errors);
        }
    }

    private static void ValidateDirective(JsonElement root, JsonElement directive, List<string> errors)
    {
        if (directive.ValueKind != JsonValueKind.Object)
        {
            errors.Add("a MetricDirective must be an object");
            return;
        }

        foreach (var member in directive.EnumerateObject())
        {
            if (member.Name is not ("Namespace" or "Dimensions" or "Metrics"))
            {
                errors.Add($"a MetricDirective must not contain the member '{member.Name}'");
            }
        }

        if (!directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String || ns.GetString()!.Length is < 1 or > 255)
        {
            errors.Add("Namespace must be a string of 1 to 255 characters");
        }

        if (!directive.TryGetProperty("Dimensions", out var dimensionSets) || dimensionSets.ValueKind != JsonValueKind.Array || dimensionSets.GetArrayLength() < 1)
        {
            errors.Add("Dimensions must be an array with at least one DimensionSet");
        }
        else
        {
            foreach (var set in dimensionSets.EnumerateArray())
            {
                ValidateDimensionSet(root, set, errors);
            }
        }

        if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            errors.Add("Metrics must be an array");
            return;
        }

        if (metrics.GetArrayLength() > 100)
        {
            errors.Add($"Metrics holds {metrics.GetArrayLength()} MetricDefinitions; the limit is 100");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in metrics.EnumerateArray())
        {
            ValidateMetricDefinition(root, definition, names, errors);
        }
    }

    private static void ValidateDimensionSet(JsonElement root, JsonElement set, List<string> errors)
    {
        if (set.ValueKind != JsonValueKind.Array)
        {
            errors.Add("a DimensionSet must be an array");
            return;
        }

        if (set.GetArrayLength() > 30)
        {
            errors.Add($"a DimensionSet holds {set.GetArrayLength()} dimensions; the limit is 30");
        }

        foreach (var key in set.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.String || key.GetString()!.Length is < 1 or > 255)
            {
                errors.Add("a dimension reference must be a string of 1 to 255 characters");
                continue;
            }

            var name = key.GetString()!;
            if (!root.TryGetProperty(name, out var target))
            {
                errors.Add($"dimension '{name}' is not a root member");
            }
            else if (target.ValueKind != JsonValueKind.String)
            {
                errors.Add($"dimension '{name}' must have a string value");
            }
            else if (target.GetString()!.Length is < 1 or > 1024 || target.GetString()!.Any(c => c > 127))
            {
                errors.Add($"dimension '{name}' value must be 1 to 1024 ASCII characters");
            }
        }
    }

    private static void ValidateMetricDefinition(JsonElement root, JsonElement definition, HashSet<string> names, List<string> errors)
    {
        if (definition.ValueKind != JsonValueKind.Object)
        {
            errors.Add("a MetricDefinition must be an object");
            return;
        }

        foreach (var member in definition.EnumerateObject())
        {
            if (member.Name is not ("Name" or "Unit" or "StorageResolution"))
            {
                errors.Add($"a MetricDefinition must not contain the member '{member.Name}'");
            }
        }

        if (!definition.TryGetProperty("Name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String || nameElement.GetString()!.Length is < 1 or > 255)
        {
            errors.Add("a MetricDefinition needs a Name of 1 to 255 characters");
            return;
        }

        var name = nameElement.GetString()!;
        if (!names.Add(name))
        {
            errors.Add($"metric '{name}' is defined twice in one directive");
        }

        if (definition.TryGetProperty("Unit", out var unit) && (unit.ValueKind != JsonValueKind.String || !Units.Contains(unit.GetString()!)))
        {
            errors.Add($"metric '{name}' has unit {unit.GetRawText()}, which is not a CloudWatch unit");
        }

        if (definition.TryGetProperty("StorageResolution", out var resolution) && !(resolution.ValueKind == JsonValueKind.Number && resolution.TryGetInt32(out var r) && r is 1 or 60))
        {
            errors.Add($"metric '{name}' has StorageResolution {resolution.GetRawText()}; only 1 or 60 are allowed");
        }

        if (!root.TryGetProperty(name, out var target))
        {
            errors.Add($"metric '{name}' is not a root member");
        }
        else if (target.ValueKind == JsonValueKind.Array)
        {
            if (target.GetArrayLength() > 100)
            {
                errors.Add($"metric '{name}' has {target.GetArrayLength()} values; the limit is 100");
            }

            if (target.EnumerateArray().Any(value => value.ValueKind != JsonValueKind.Number))
            {
                errors.Add($"metric '{name}' has a non-numeric value");
            }
        }
        else if (target.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"metric '{name}' must be a number or an array of numbers");
        }
    }

    private static string Shorten(string line) => line.Length <= 2000 ? line : line[..2000] + "…";
}
