using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tenancy.Analyzers.Model;
using Tenancy.Declarations.Reading;

namespace Tenancy.Analyzers.Rules;

/// <summary>
/// Reports what the shared projection reader finds wrong with a <c>[TenantProjection]</c> type: a property that is
/// sensitive in the entity or not one of its stored properties (TNT008), and an invalid declaration (TNT002).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProjectionDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        TenancyDiagnostics.ProjectionNamesSensitiveOrUnknown,
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
        var attribute = KnownTypes.FindAttribute(type, KnownTypes.TenantProjectionAttribute);
        if (attribute is null)
        {
            return;
        }

        var reading = ProjectionReader.Read(type, attribute, context.CancellationToken);
        DeclarationProblemReporter.Report(reading.Problems, context.Compilation, context.ReportDiagnostic);
    }
}
