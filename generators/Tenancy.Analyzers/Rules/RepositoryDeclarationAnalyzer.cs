using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Tenancy.Analyzers.Model;

namespace Tenancy.Analyzers.Rules;

/// <summary>
/// Checks <c>[TenantRepository]</c> interfaces: every method takes a TenantScope first (TNT001); the interface is a
/// partial, non-generic, top-level interface over a <c>[TenantEntity]</c> type whose methods follow the naming
/// conventions and bind their parameters to the key placeholders (TNT002).
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
            var types = TenancyTypes.TryCreate(start.Compilation);
            if (types?.TenantRepositoryAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, types), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, TenancyTypes types)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = TenancyTypes.Find(type, types.TenantRepositoryAttribute);
        if (attribute is null)
        {
            return;
        }

        CheckShape(context, type);
        var entity = ReadEntity(context, type, attribute, types);
        var conventions = entity is null ? null : new RepositoryMethodConventions(types, entity);
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                CheckMethod(context, method, types, conventions);
            }
            else if (!member.IsImplicitlyDeclared && member is not IMethodSymbol)
            {
                Invalid(context, AttributeLocations.FirstLocation(member), $"Repository interface '{type.Name}' may only declare methods; remove '{member.Name}'");
            }
        }
    }

    private static void CheckShape(SymbolAnalysisContext context, INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Interface)
        {
            return;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is InterfaceDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(FixKinds.FixKey, FixKinds.MakePartial);
                context.ReportDiagnostic(Diagnostic.Create(
                    TenancyDiagnostics.InvalidDeclaration,
                    declaration.Identifier.GetLocation(),
                    properties,
                    $"Repository interface '{type.Name}' must be declared partial"));
            }
        }

        if (type.IsGenericType)
        {
            Invalid(context, AttributeLocations.FirstLocation(type), $"Repository interface '{type.Name}' must not be generic");
        }

        if (type.ContainingType is not null)
        {
            Invalid(context, AttributeLocations.FirstLocation(type), $"Repository interface '{type.Name}' must be declared in a namespace, not nested in '{type.ContainingType.Name}'");
        }

        if (!type.Interfaces.IsEmpty)
        {
            Invalid(context, AttributeLocations.FirstLocation(type), $"Repository interface '{type.Name}' must not inherit other interfaces; declare every method on it");
        }
    }

    private static TenantEntity? ReadEntity(SymbolAnalysisContext context, INamedTypeSymbol repository, AttributeData attribute, TenancyTypes types)
    {
        var location = AttributeLocations.Of(attribute, "entityType", 0, repository);
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol entityType)
        {
            Invalid(context, location, $"[TenantRepository] on '{repository.Name}' must name an entity type with typeof(...)");
            return null;
        }

        var entity = TenantEntity.TryRead(entityType, types);
        if (entity is null)
        {
            Invalid(context, location, $"Entity type '{entityType.ToDisplayString()}' of repository '{repository.Name}' must be marked [TenantEntity(...)]");
        }

        return entity;
    }

    private static void CheckMethod(SymbolAnalysisContext context, IMethodSymbol method, TenancyTypes types, RepositoryMethodConventions? conventions)
    {
        var location = AttributeLocations.FirstLocation(method);
        if (method.IsStatic || !method.IsAbstract)
        {
            Invalid(context, location, $"Repository method '{method.Name}' must be an abstract instance method without a body; the generator implements it");
            return;
        }

        if (method.Parameters.Length == 0 || !TenancyTypes.Is(method.Parameters[0].Type, types.TenantScope))
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                if (TenancyTypes.Is(method.Parameters[i].Type, types.TenantScope))
                {
                    properties = properties.Add(FixKinds.ScopeIndexKey, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(TenancyDiagnostics.MissingTenantScope, location, properties, method.Name));
            return;
        }

        if (conventions is null)
        {
            return;
        }

        // One diagnostic per method, listing every problem, so the method carries a single squiggle.
        var problems = string.Join("; ", conventions.Check(method));
        if (problems.Length > 0)
        {
            Invalid(context, location, problems);
        }
    }

    private static void Invalid(SymbolAnalysisContext context, Location location, string message) =>
        context.ReportDiagnostic(Diagnostic.Create(TenancyDiagnostics.InvalidDeclaration, location, message));
}
