using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tenancy.Analyzers.Model;
using Tenancy.Declarations.Reading;

namespace Tenancy.Analyzers.Rules;

/// <summary>
/// Reports what the shared declaration reader finds wrong with a <c>[TenantRepository]</c> interface: every method
/// takes a TenantScope first (TNT001); the interface is a partial, non-generic, top-level interface over a
/// <c>[TenantEntity]</c> type whose methods follow the naming conventions and bind their parameters to the key
/// placeholders (TNT002). The entity's own problems are reported by <see cref="TenantEntityAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RepositoryDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        TenancyDiagnostics.MissingTenantScope,
        TenancyDiagnostics.InvalidDeclaration);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!TenancyTypes.IsReferenced(start.Compilation))
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = KnownTypes.FindAttribute(type, KnownTypes.TenantRepositoryAttribute);
        if (attribute is null)
        {
            return;
        }

        var reading = RepositoryReader.Read(type, attribute, context.CancellationToken);
        DeclarationProblemReporter.Report(reading.Problems, context.Compilation, context.ReportDiagnostic);
    }
}
