using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tenancy.Analyzers.Model;
using Tenancy.Declarations.Reading;

namespace Tenancy.Analyzers.Rules;

/// <summary>
/// Reports what the shared declaration reader finds wrong with a <c>[TenantEntity]</c>: key templates (TNT002
/// malformed, TNT006 tenant segment), stored property types and attributes (TNT002) and <c>[TenantIndex]</c>
/// partition keys (TNT005). The generator implements an entity's repository only when this finds nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TenantEntityAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        TenancyDiagnostics.InvalidDeclaration,
        TenancyDiagnostics.IndexNotTenantPrefixed,
        TenancyDiagnostics.TemplatePlacesTenant);

    public override void Initialize(AnalysisContext context)
    {
        // Generated-looking files are analyzed too: a *.g.cs name must not hide a bad declaration.
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
        var reading = EntityReader.Read((INamedTypeSymbol)context.Symbol, context.CancellationToken);
        if (reading is not null)
        {
            DeclarationProblemReporter.Report(reading.Problems, context.Compilation, context.ReportDiagnostic);
        }
    }
}
