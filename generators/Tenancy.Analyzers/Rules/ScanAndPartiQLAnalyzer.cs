using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tenancy.Analyzers.Model;

namespace Tenancy.Analyzers.Rules;

/// <summary>
/// TNT004: calling or referencing a DynamoDB Scan (low-level <c>ScanAsync</c>, paginator <c>Scan</c>, DocumentModel
/// <c>Table.Scan</c>, DataModel <c>ScanAsync</c>/<c>FromScanAsync</c>) or PartiQL operation (<c>ExecuteStatement</c>,
/// <c>BatchExecuteStatement</c>, <c>ExecuteTransaction</c>), or creating their request/config objects (including a
/// parallel-scan <c>ScanRequest</c> with <c>Segment</c>/<c>TotalSegments</c>). Reported everywhere, generated code
/// included, except in assemblies with a valid <c>[assembly: ControlPlaneAssembly("…")]</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScanAndPartiQLAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(TenancyDiagnostics.ScanOrPartiQL);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ControlPlaneDeclaration.Read(start.Compilation).IsControlPlane)
            {
                return;
            }

            start.RegisterOperationAction(Analyze, OperationKind.Invocation, OperationKind.MethodReference, OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var what = context.Operation switch
        {
            IInvocationOperation invocation when IsScanOrPartiQL(invocation.TargetMethod) => $"'{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}'",
            IMethodReferenceOperation reference when IsScanOrPartiQL(reference.Method) => $"'{reference.Method.ContainingType.Name}.{reference.Method.Name}'",
            IObjectCreationOperation creation when IsScanOrPartiQLRequest(creation.Type) => $"A '{creation.Type!.Name}'",
            _ => null,
        };

        if (what is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(TenancyDiagnostics.ScanOrPartiQL, context.Operation.Syntax.GetLocation(), what));
        }
    }

    private static bool IsScanOrPartiQL(IMethodSymbol method)
    {
        if (!IsDynamoDb(method.ContainingType))
        {
            return false;
        }

        var name = method.Name.EndsWith("Async", System.StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - "Async".Length) : method.Name;
        return name is "Scan" or "FromScan" or "ParallelScan" or "ExecuteStatement" or "BatchExecuteStatement" or "ExecuteTransaction";
    }

    private static bool IsScanOrPartiQLRequest(ITypeSymbol? type) =>
        type is not null
        && IsDynamoDb(type)
        && type.Name is "ScanRequest" or "ScanOperationConfig" or "ScanDocumentOperationRequest" or "ScanConfig" or "FromScanConfig"
            or "ExecuteStatementRequest" or "BatchExecuteStatementRequest" or "ExecuteTransactionRequest";

    private static bool IsDynamoDb(ITypeSymbol? type)
    {
        var ns = type?.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == "Amazon.DynamoDBv2" || ns.StartsWith("Amazon.DynamoDBv2.", System.StringComparison.Ordinal));
    }
}
