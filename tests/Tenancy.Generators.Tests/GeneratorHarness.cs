using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tenancy.Generators.Tests;

/// <summary>Compiles sources against .NET 10, the AWS SDK and Tenancy.Isolation, and runs the repository generator.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Isolation.TenantScope).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.Model.GetItemRequest).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.KeyManagementService.Model.DecryptRequest).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.S3.Model.GetObjectRequest).Assembly.Location),
    ]);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Sample",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            [new RepositoryGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns the run result and the compilation including the generated sources.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Errors and warnings of the compilation (generated code included), as readable lines.</summary>
    public static IReadOnlyList<string> Problems(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.GetMessage()}")
            .ToList();
}
