using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tenancy.Analyzers.Model;

namespace Tenancy.Analyzers.Rules;

/// <summary>
/// TNT003: any operation that constructs, obtains, references or passes a raw DynamoDB/S3/KMS client (or a
/// DocumentModel/DataModel handle), mentions one as a type argument or in <c>typeof</c>, or reads
/// <c>TenantScope.DynamoDb/Kms/S3/FieldEncryptor</c> or <c>TenantClients</c>' clients — except in the Tenancy generator's
/// own output and in assemblies with a valid <c>[assembly: ControlPlaneAssembly("…")]</c>. A blank justification is itself TNT003.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawDataStoreClientAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> HiddenScopeMembers = new(System.StringComparer.Ordinal) { "DynamoDb", "Kms", "S3", "FieldEncryptor" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(TenancyDiagnostics.RawDataStoreClient);

    public override void Initialize(AnalysisContext context)
    {
        // Analyze everything that looks generated: only the generator's real output is exempt, by GeneratedTreeTrust.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var controlPlane = ControlPlaneDeclaration.Read(start.Compilation);
            if (controlPlane.Attribute is not null && !controlPlane.IsValid)
            {
                ReportInvalidDeclaration(start, controlPlane.Attribute, controlPlane.Problem!);
            }

            if (controlPlane.IsControlPlane)
            {
                return;
            }

            var tenantScope = start.Compilation.GetTypeByMetadataName("Tenancy.Isolation.TenantScope");
            var tenantClients = start.Compilation.GetTypeByMetadataName("Tenancy.Isolation.TenantClients");
            var trusted = GeneratedTreeTrust.FindTrustedTrees(start.Compilation);
            var checker = new Checker(tenantScope, tenantClients, trusted);
            start.RegisterOperationAction(
                checker.Analyze,
                OperationKind.ObjectCreation,
                OperationKind.Invocation,
                OperationKind.PropertyReference,
                OperationKind.FieldReference,
                OperationKind.EventReference,
                OperationKind.MethodReference,
                OperationKind.LocalReference,
                OperationKind.ParameterReference,
                OperationKind.ArrayElementReference,
                OperationKind.Conversion,
                OperationKind.Await,
                OperationKind.TypeOf,
                OperationKind.DefaultValue);
        });
    }

    private static void ReportInvalidDeclaration(CompilationStartAnalysisContext start, AttributeData attribute, string problem)
    {
        var reference = attribute.ApplicationSyntaxReference;
        if (reference is null)
        {
            return;
        }

        start.RegisterSyntaxTreeAction(tree =>
        {
            if (tree.Tree == reference.SyntaxTree)
            {
                tree.ReportDiagnostic(Diagnostic.Create(
                    TenancyDiagnostics.RawDataStoreClient,
                    reference.GetSyntax(tree.CancellationToken).GetLocation(),
                    problem));
            }
        });
    }

    private sealed class Checker
    {
        private readonly INamedTypeSymbol? _tenantScope;
        private readonly INamedTypeSymbol? _tenantClients;
        private readonly HashSet<SyntaxTree> _trusted;

        public Checker(INamedTypeSymbol? tenantScope, INamedTypeSymbol? tenantClients, HashSet<SyntaxTree> trusted)
        {
            _tenantScope = tenantScope;
            _tenantClients = tenantClients;
            _trusted = trusted;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (_trusted.Contains(operation.Syntax.SyntaxTree))
            {
                return;
            }

            var what = Describe(operation);
            if (what is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    TenancyDiagnostics.RawDataStoreClient,
                    operation.Syntax.GetLocation(),
                    what + " outside the Tenancy generator's output; use a [TenantRepository] (or move this code to a reviewed control-plane assembly)"));
            }
        }

        private string? Describe(IOperation operation)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation when RawClientTypes.IsRaw(creation.Type):
                    return $"Raw data-store client '{creation.Type!.Name}' is constructed";
                case IObjectCreationOperation creation when RawClientTypes.MentionsRaw(creation.Type):
                    return $"'{creation.Type!.ToDisplayString()}' holds a raw data-store client type";
                case IInvocationOperation invocation:
                    return DescribeInvocation(invocation);
                case IPropertyReferenceOperation property when IsHiddenScopeMember(property.Property):
                    return $"'{property.Property.ContainingType.Name}.{property.Property.Name}' is read by hand";
                case IMemberReferenceOperation member when member.Instance is null && RawClientTypes.IsRaw(member.Member.ContainingType):
                    return $"Static member '{member.Member.ContainingType.Name}.{member.Member.Name}' of a raw data-store client is used";
                case IMethodReferenceOperation method when RawClientTypes.IsRaw(method.Method.ContainingType):
                    return $"Method '{method.Method.ContainingType.Name}.{method.Method.Name}' of a raw data-store client is referenced";
                case IConversionOperation conversion when RawClientTypes.IsRaw(conversion.Type) && (!conversion.IsImplicit || !RawClientTypes.IsRaw(conversion.Operand.Type)):
                    return $"A value is converted to raw data-store client '{conversion.Type!.Name}'";
                case ITypeOfOperation typeOf when RawClientTypes.MentionsRaw(typeOf.TypeOperand):
                    return $"typeof({typeOf.TypeOperand.Name}) names a raw data-store client";
                case IConversionOperation:
                case ITypeOfOperation:
                    return null;
            }

            return RawClientTypes.IsRaw(operation.Type)
                ? $"Raw data-store client '{operation.Type!.Name}' is used"
                : null;
        }

        private string? DescribeInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            foreach (var argument in method.TypeArguments)
            {
                if (RawClientTypes.MentionsRaw(argument))
                {
                    return $"'{method.Name}<{argument.Name}>' names a raw data-store client type";
                }
            }

            // In a fluent chain on a raw handle only the first link is reported.
            if (RawClientTypes.IsRaw(invocation.Type) && !RawClientTypes.IsRaw(invocation.Instance?.Type))
            {
                return $"'{method.Name}' returns raw data-store client '{invocation.Type!.Name}'";
            }

            if (invocation.Instance is null && RawClientTypes.IsRaw(method.ContainingType))
            {
                return $"Static method '{method.ContainingType.Name}.{method.Name}' of a raw data-store client is called";
            }

            if (method.IsExtensionMethod && method.Parameters.Length > 0 && RawClientTypes.IsRaw(method.Parameters[0].Type))
            {
                return $"Extension method '{method.Name}' on a raw data-store client is called";
            }

            return null;
        }

        /// <summary>TenantScope/TenantClients members that hand out a tenant's clients or field encryptor.</summary>
        private bool IsHiddenScopeMember(IPropertySymbol property) =>
            HiddenScopeMembers.Contains(property.Name)
            && (SymbolEqualityComparer.Default.Equals(property.ContainingType, _tenantScope) || SymbolEqualityComparer.Default.Equals(property.ContainingType, _tenantClients));
    }
}
