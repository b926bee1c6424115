using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tenancy.Generators.Tests;

/// <summary>
/// Unrelated edits must leave every tracked step cached; relevant edits must regenerate; and no pipeline value may
/// hold compiler objects (they would defeat caching and keep compilations alive).
/// </summary>
public class IncrementalityTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.Repositories, TrackingNames.ValidRepositories, TrackingNames.Sources];

    private const string Unrelated = """
        namespace Elsewhere;

        public static class Calculator
        {
            public static int Answer() => 41;
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, Scenarios.Orders, Scenarios.Memos, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Elsewhere; public sealed class Added { }", GeneratorHarness.ParseOptions, path: "Added.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(result);
    }

    [Fact]
    public void Changing_a_method_body_elsewhere_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, Scenarios.Orders, Scenarios.Memos, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Calculator", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Unrelated.Replace("41", "42", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: old.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(result);
    }

    [Fact]
    public void Changing_the_entity_regenerates_only_its_repository()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, Scenarios.Orders, Scenarios.Memos);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("record Memo(", StringComparison.Ordinal));
        var changed = Scenarios.Memos.Replace("string Title,", "string Title, int Pages,", StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, path: old.FilePath));
        var runResult = driver.RunGenerators(edited).GetRunResult();
        var result = runResult.Results.Single();

        var sources = result.TrackedSteps[TrackingNames.Sources].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, sources);
        Assert.Contains(sources, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(runResult.GeneratedTrees, t => t.FilePath.EndsWith("MemoRepository.ItemMapper.g.cs", StringComparison.Ordinal) && t.ToString().Contains("\"Pages\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_a_repository_method_changes_the_output()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, Scenarios.Memos);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("IMemoRepository", StringComparison.Ordinal));
        var changed = Scenarios.Memos.Replace("Task<bool> DeleteAsync", "Task<Memo> CreateAsync(TenantScope scope, Memo memo);\n    Task<bool> DeleteAsync", StringComparison.Ordinal);
        var runResult = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, path: old.FilePath))).GetRunResult();

        Assert.Contains(runResult.Results.Single().TrackedSteps[TrackingNames.Sources].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(runResult.GeneratedTrees, t => t.ToString().Contains("CreateAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Pipeline_values_hold_no_compiler_objects()
    {
        var compilation = GeneratorHarness.Compile([Scenarios.Usings, .. Scenarios.All.Values]);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        var walked = 0;
        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"Step {name} was not tracked.");
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                walked += AssertNoCompilerObjects(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance), name);
            }
        }

        Assert.True(walked > 100, $"Only {walked} objects were walked; the pipeline values look empty.");
    }

    private static void AssertAllCached(GeneratorRunResult result)
    {
        foreach (var name in TrackedSteps)
        {
            var outputs = result.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} output was {output.Reason}."));
        }
    }

    internal static int AssertNoCompilerObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return 0;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location or AttributeData or SyntaxToken,
            $"{path} holds a compiler object of type {value.GetType()}.");

        var count = 1;
        if (value is IEnumerable sequence)
        {
            foreach (var element in sequence)
            {
                count += AssertNoCompilerObjects(element, seen, path + "[]");
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                count += AssertNoCompilerObjects(field.GetValue(value), seen, path + "." + field.Name);
            }
        }

        return count;
    }
}
