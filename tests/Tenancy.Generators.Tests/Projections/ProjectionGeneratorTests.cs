using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tenancy.Generators.Tests.Projections;

/// <summary>
/// The projection generator's output equals the approved files under <c>Approved/Projections/&lt;scenario&gt;/</c>
/// (rewrite with <c>TENANCY_APPROVE=1</c>), compiles, requests only the projection's attributes, and is incremental.
/// </summary>
public class ProjectionGeneratorTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.Projections, TrackingNames.ValidProjections, TrackingNames.ProjectionSources];

    [Theory]
    [MemberData(nameof(ProjectionScenarios.Names), MemberType = typeof(ProjectionScenarios))]
    public void Generated_source_matches_the_approved_file_and_compiles(string scenario)
    {
        var (result, output) = ProjectionHarness.Run(ProjectionHarness.Compile(scenario));
        var tree = Assert.Single(result.GeneratedTrees);
        var text = tree.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        var path = Path.Combine(ProjectDirectory(), "Approved", "Projections", scenario, Path.GetFileName(tree.FilePath));
        if (Environment.GetEnvironmentVariable("TENANCY_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        Assert.True(File.Exists(path), $"No approved file for {scenario}; run with TENANCY_APPROVE=1 and review it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), text);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Attribute_names_are_the_keys_index_keys_and_the_entitys_stored_names_of_the_projected_properties()
    {
        var renamed = Scenarios.Orders.Replace("public decimal Total { get; init; }", "[StoredName(\"amount\")] public decimal Total { get; init; }", StringComparison.Ordinal);
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, renamed, ProjectionScenarios.OrderSummary);
        var (_, output) = ProjectionHarness.Run(compilation);
        Assert.Empty(GeneratorHarness.Problems(output));

        var text = output.SyntaxTrees.Last().ToString();
        Assert.Contains("""new string[] { "PK", "SK", "GSI1PK", "GSI1SK", "Id", "Status", "amount", "Lines", "Version" }""", text, StringComparison.Ordinal);
        Assert.Contains("ProjectionExpression = Projection,", text, StringComparison.Ordinal);
        Assert.Contains("Select = global::Amazon.DynamoDBv2.Select.SPECIFIC_ATTRIBUTES,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Note\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Sensitive] public decimal Total", "public decimal Total")]
    [InlineData("public decimal Totals", "public decimal Total")]
    [InlineData("public int Total", "public decimal Total")]
    public void A_projection_naming_a_sensitive_unknown_or_retyped_property_is_not_generated(string projected, string original)
    {
        var entity = projected.StartsWith("[Sensitive]", StringComparison.Ordinal) ? Scenarios.Orders.Replace(original, projected, StringComparison.Ordinal) : Scenarios.Orders;
        var projection = projected.StartsWith("[Sensitive]", StringComparison.Ordinal) ? ProjectionScenarios.OrderSummary : ProjectionScenarios.OrderSummary.Replace(original, projected, StringComparison.Ordinal);
        var (result, _) = ProjectionHarness.Run(GeneratorHarness.Compile(Scenarios.Usings, entity, projection));
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        var compilation = ProjectionHarness.Compile("OrderSummary");
        var driver = ProjectionHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Elsewhere; public sealed class Added { }", GeneratorHarness.ParseOptions, path: "Added.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackedSteps)
        {
            var outputs = result.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {name} output was {o.Reason}."));
        }
    }

    [Fact]
    public void Marking_a_projected_property_sensitive_removes_the_output()
    {
        var compilation = ProjectionHarness.Compile("OrderSummary");
        var driver = ProjectionHarness.CreateDriver().RunGenerators(compilation);
        Assert.Single(driver.GetRunResult().GeneratedTrees);

        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("record Order\n", StringComparison.Ordinal) || t.ToString().Contains("record Order\r\n", StringComparison.Ordinal));
        var changed = Scenarios.Orders.Replace("public decimal Total", "[Sensitive] public decimal Total", StringComparison.Ordinal);
        var runResult = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, path: old.FilePath))).GetRunResult();

        Assert.Empty(runResult.GeneratedTrees);
        Assert.Contains(runResult.Results.Single().TrackedSteps[TrackingNames.Projections].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Pipeline_values_hold_no_compiler_objects()
    {
        var compilation = GeneratorHarness.Compile([Scenarios.Usings, .. ProjectionScenarios.All.Values.SelectMany(s => s)]);
        var result = ProjectionHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Equal(2, result.GeneratedSources.Length);
        var walked = 0;
        foreach (var name in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                walked += IncrementalityTests.AssertNoCompilerObjects(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance), name);
            }
        }

        Assert.True(walked > 50, $"Only {walked} objects were walked; the pipeline values look empty.");
    }

    private static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
