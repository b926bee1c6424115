using System.Text.Json;

namespace Tenancy.Local.Run.Invoke;

/// <summary>
/// SAM's <c>--env-vars</c> file: an object whose keys are function logical ids (each an object of variables) and
/// <c>Parameters</c> (variables for every function). Numbers and booleans become their JSON text. Unlike SAM, a
/// variable the template does not declare is passed too (the local cloud's endpoints are not in the template).
/// </summary>
public sealed record EnvVarsFile(
    IReadOnlyDictionary<string, string> ForEveryFunction,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByFunction)
{
    public static EnvVarsFile Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, IReadOnlyDictionary<string, string>>());

    public static EnvVarsFile Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path} must be a JSON object keyed by function logical ids.");
        }

        var common = new Dictionary<string, string>(StringComparer.Ordinal);
        var byFunction = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            var variables = Variables(path, entry);
            if (entry.NameEquals("Parameters"))
            {
                common = variables;
            }
            else
            {
                byFunction[entry.Name] = variables;
            }
        }

        return new EnvVarsFile(common, byFunction);
    }

    /// <summary>Per function, <c>Parameters</c> overlaid with the function's own entry.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Merged(IEnumerable<string> logicalIds) =>
        logicalIds.ToDictionary(
            id => id,
            id =>
            {
                var merged = new Dictionary<string, string>(ForEveryFunction, StringComparer.Ordinal);
                foreach (var (name, value) in ByFunction.GetValueOrDefault(id) ?? new Dictionary<string, string>())
                {
                    merged[name] = value;
                }

                return (IReadOnlyDictionary<string, string>)merged;
            },
            StringComparer.Ordinal);

    private static Dictionary<string, string> Variables(string path, JsonProperty entry)
    {
        if (entry.Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: '{entry.Name}' must be an object of variables.");
        }

        return entry.Value.EnumerateObject().ToDictionary(
            v => v.Name,
            v => v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString()! : v.Value.GetRawText(),
            StringComparer.Ordinal);
    }
}
