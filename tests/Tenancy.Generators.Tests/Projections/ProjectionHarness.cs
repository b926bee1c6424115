using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tenancy.Generators.Tests.Projections;

/// <summary>Runs the projection generator alone, so its output and pipeline steps are not mixed with the repositories'.</summary>
internal static class ProjectionHarness
{
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new ProjectionGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriverRunResult Result, Compilation Output) Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return (driver.GetRunResult(), output);
    }

    public static CSharpCompilation Compile(string scenario, params string[] extra) =>
        GeneratorHarness.Compile([Scenarios.Usings, .. ProjectionScenarios.All[scenario], .. extra]);
}
