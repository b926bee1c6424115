using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tenancy.Analyzers.Rules;

namespace Tenancy.Generators.Tests;

/// <summary>
/// The generator and the TNT analyzers read declarations with one reader, so they must agree: what the analyzers
/// refuse is not generated, and what they accept is generated and compiles without any TNT diagnostic.
/// </summary>
public class AgreementTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(TenantEntityAnalyzer).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Theory]
    [MemberData(nameof(Declarations.InvalidNames), MemberType = typeof(Declarations))]
    public async Task Invalid_declaration_gets_a_TNT_error_and_no_generated_code(string why)
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, Declarations.Invalid[why]);
        var (result, output) = GeneratorHarness.Run(compilation);

        var errors = await TntDiagnostics(output);
        Assert.True(errors.Any(d => d.Severity == DiagnosticSeverity.Error), $"{why}: no TNT error was reported.");
        Assert.True(result.GeneratedTrees.IsEmpty, $"{why}: the generator emitted {result.GeneratedTrees.Length} files although the analyzers report {string.Join(", ", errors.Select(e => e.Id))}.");
    }

    [Theory]
    [MemberData(nameof(Declarations.ValidNames), MemberType = typeof(Declarations))]
    public async Task Declaration_the_analyzers_accept_is_generated_and_compiles(string why)
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, Declarations.Valid[why]);
        var (result, output) = GeneratorHarness.Run(compilation);

        var diagnostics = await TntDiagnostics(output);
        Assert.True(diagnostics.IsEmpty, $"{why}: {string.Join("; ", diagnostics.Select(d => d.ToString()))}");
        Assert.Equal(2, result.GeneratedTrees.Length);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void A_template_that_only_starts_like_the_tenant_segment_is_generated_after_it()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Scenarios.Usings, Declarations.Valid["literal segment that only starts like the tenant"]));

        var repository = result.GeneratedTrees.Single(t => !t.FilePath.Contains("ItemMapper", StringComparison.Ordinal)).ToString();
        Assert.Contains("\"TENANTS#\"", repository, StringComparison.Ordinal);
    }

    private static async Task<ImmutableArray<Diagnostic>> TntDiagnostics(Compilation compilation)
    {
        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("TNT", StringComparison.Ordinal)).ToImmutableArray();
    }
}
