using System.Text;
using System.Text.Json;
using Tenancy.Local.Functions;
using Tenancy.Testing;

namespace Tenancy.Local.Tests.Functions;

/// <summary>
/// SAM's conventions for the repository: every function of <c>template.yaml</c> has an <c>events/&lt;function&gt;/</c>
/// folder (kebab case, without the <c>Function</c> suffix) with at least one JSON event and an <c>env.json</c> entry,
/// and neither holds anything for a function the template does not have.
/// </summary>
public sealed class SamConventionTests
{
    private static readonly IReadOnlyCollection<string> TemplateFunctions =
        TemplateFunctionReader.Read(RepositoryFiles.PathOf("template.yaml")).Keys.Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Every_template_function_has_an_events_folder_and_there_is_no_other()
    {
        var folders = Directory.EnumerateDirectories(RepositoryFiles.PathOf("events")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(TemplateFunctions.Select(EventsFolderOf).Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Every_events_folder_holds_at_least_one_event_that_is_a_JSON_object()
    {
        foreach (var function in TemplateFunctions)
        {
            var events = Directory.EnumerateFiles(RepositoryFiles.PathOf($"events/{EventsFolderOf(function)}"), "*.json", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".mustache.json", StringComparison.Ordinal))
                .ToList();
            Assert.True(events.Count > 0, $"{function} has no event in events/{EventsFolderOf(function)}/");
            foreach (var file in events)
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file, Encoding.UTF8));
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            }
        }
    }

    [Fact]
    public void Env_json_has_an_entry_per_template_function_and_no_other()
    {
        using var env = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("env.json")));
        var entries = env.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "Parameters").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(TemplateFunctions, entries);
        foreach (var entry in env.RootElement.EnumerateObject())
        {
            // SAM's --env-vars values are strings (a number or bool is not applied).
            Assert.All(entry.Value.EnumerateObject(), variable => Assert.Equal(JsonValueKind.String, variable.Value.ValueKind));
        }
    }

    [Theory]
    [InlineData("ApiFunction", "api")]
    [InlineData("PreTokenGenerationFunction", "pre-token-generation")]
    [InlineData("UsageQueryFunction", "usage-query")]
    public void The_folder_is_the_kebab_case_logical_id_without_Function(string logicalId, string folder) =>
        Assert.Equal(folder, EventsFolderOf(logicalId));

    private static string EventsFolderOf(string logicalId)
    {
        var name = logicalId.EndsWith("Function", StringComparison.Ordinal) ? logicalId[..^"Function".Length] : logicalId;
        var kebab = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }
}
