using System.Text.Json.Nodes;
using Tenancy.Testing;

namespace Tenancy.Workflows.Tests;

/// <summary>The repository's state machine definitions and their states, nested Map/Parallel states included.</summary>
public static class StateMachineFiles
{
    public static IReadOnlyList<string> All() =>
        Directory.GetFiles(RepositoryFiles.PathOf("statemachines"), "*.asl.json").Order(StringComparer.Ordinal).ToList();

    /// <summary>The definitions' file names, e.g. <c>onboarding.asl.json</c>.</summary>
    public static IReadOnlyList<string> Names() => All().Select(f => new FileInfo(f).Name).ToList();

    public static string Text(string name) => File.ReadAllText(RepositoryFiles.PathOf(Path.Combine("statemachines", name)));

    public static JsonObject Load(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static IReadOnlyDictionary<string, JsonObject> States(JsonObject definition)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Collect(definition["States"]!.AsObject(), found);
        return found;
    }

    public static IReadOnlyDictionary<string, JsonObject> Tasks(JsonObject definition) =>
        States(definition).Where(s => s.Value["Type"]!.GetValue<string>() == "Task").ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

    private static void Collect(JsonObject states, Dictionary<string, JsonObject> found)
    {
        foreach (var (name, node) in states)
        {
            var state = node!.AsObject();
            found.Add(name, state);
            if ((state["ItemProcessor"] ?? state["Iterator"]) is JsonObject nested)
            {
                Collect(nested["States"]!.AsObject(), found);
            }

            foreach (var branch in state["Branches"] as JsonArray ?? [])
            {
                Collect(branch!["States"]!.AsObject(), found);
            }
        }
    }
}
