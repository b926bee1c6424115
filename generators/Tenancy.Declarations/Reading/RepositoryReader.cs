using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;
using MethodKind = Microsoft.CodeAnalysis.MethodKind;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// Reads a <c>[TenantRepository]</c> interface and its entity: the one semantic step shared by the generator (which
/// implements the spec when there are no problems) and the analyzers (which report the problems). Any method the
/// generator could not implement is a problem, so a declaration is never skipped silently.
/// </summary>
internal static class RepositoryReader
{
    public static RepositoryReading Read(INamedTypeSymbol repository, AttributeData attribute, CancellationToken cancellationToken)
    {
        var problems = new ProblemList();
        CheckShape(repository, problems, cancellationToken);
        var entityType = ReadEntityType(repository, attribute, problems);
        var entity = entityType is null ? null : EntityReader.Read(entityType, cancellationToken);
        if (entityType is not null && entity is null)
        {
            problems.Invalid(
                AttributeLocations.Of(attribute, "entityType", 0, repository),
                $"Entity type '{entityType.ToDisplayString()}' of repository '{repository.Name}' must be marked [TenantEntity(...)]");
        }

        var entitySpec = entity?.Spec;
        var conventions = entitySpec is null ? null : new MethodConventions(entityType!, entitySpec);
        var methods = new List<MethodSpec>();
        foreach (var member in repository.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                var spec = ReadMethod(method, entityType, entitySpec, conventions, problems);
                if (spec is null)
                {
                    continue;
                }

                if (methods.Any(m => m.Name == spec.Name))
                {
                    problems.Invalid(AttributeLocations.FirstLocation(method), $"Repository method '{method.Name}' is overloaded; give each method its own name");
                    continue;
                }

                methods.Add(spec);
            }
            else if (!member.IsImplicitlyDeclared && member is not IMethodSymbol)
            {
                problems.Invalid(AttributeLocations.FirstLocation(member), $"Repository interface '{repository.Name}' may only declare methods; remove '{member.Name}'");
            }
        }

        var valid = problems.Count == 0 && entity is { Problems.Count: 0 } && entitySpec is not null && repository.TypeKind == TypeKind.Interface;
        return new RepositoryReading(valid ? Spec(repository, entitySpec!, methods) : null, problems.ToEquatableArray(), entity?.Problems.Count ?? 0);
    }

    private static void CheckShape(INamedTypeSymbol type, ProblemList problems, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Interface)
        {
            return;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is InterfaceDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Add(
                    DiagnosticIds.InvalidDeclaration,
                    declaration.Identifier.GetLocation(),
                    $"Repository interface '{type.Name}' must be declared partial",
                    FixKinds.FixKey,
                    FixKinds.MakePartial);
            }
        }

        var location = AttributeLocations.FirstLocation(type);
        if (type.IsGenericType)
        {
            problems.Invalid(location, $"Repository interface '{type.Name}' must not be generic");
        }

        if (type.ContainingType is not null)
        {
            problems.Invalid(location, $"Repository interface '{type.Name}' must be declared in a namespace, not nested in '{type.ContainingType.Name}'");
        }

        if (!type.Interfaces.IsEmpty)
        {
            problems.Invalid(location, $"Repository interface '{type.Name}' must not inherit other interfaces; declare every method on it");
        }
    }

    private static INamedTypeSymbol? ReadEntityType(INamedTypeSymbol repository, AttributeData attribute, ProblemList problems)
    {
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol entityType)
        {
            return entityType;
        }

        problems.Invalid(AttributeLocations.Of(attribute, "entityType", 0, repository), $"[TenantRepository] on '{repository.Name}' must name an entity type with typeof(...)");
        return null;
    }

    private static MethodSpec? ReadMethod(IMethodSymbol method, INamedTypeSymbol? entityType, EntitySpec? entity, MethodConventions? conventions, ProblemList problems)
    {
        var location = AttributeLocations.FirstLocation(method);
        if (method.IsStatic || !method.IsAbstract)
        {
            problems.Invalid(location, $"Repository method '{method.Name}' must be an abstract instance method without a body; the generator implements it");
            return null;
        }

        if (method.Parameters.Length == 0 || !KnownTypes.Is(method.Parameters[0].Type, KnownTypes.TenantScope))
        {
            string? scopeIndex = null;
            for (var i = 0; i < method.Parameters.Length && scopeIndex is null; i++)
            {
                if (KnownTypes.Is(method.Parameters[i].Type, KnownTypes.TenantScope))
                {
                    scopeIndex = i.ToString(CultureInfo.InvariantCulture);
                }
            }

            problems.Add(DiagnosticIds.MissingTenantScope, location, method.Name, scopeIndex is null ? null : FixKinds.ScopeIndexKey, scopeIndex);
            return null;
        }

        if (conventions is null)
        {
            return null;
        }

        // One diagnostic per method, listing every problem, so the method carries a single squiggle.
        var found = conventions.Check(method);
        if (found.Count > 0)
        {
            problems.Invalid(location, string.Join("; ", found));
            return null;
        }

        var spec = MethodReader.Build(method, entityType!, entity!);
        if (spec is null)
        {
            problems.Invalid(location, $"Repository method '{method.Name}' does not have a shape the generator implements; see docs/repositories.md");
        }

        return spec;
    }

    private static RepositorySpec Spec(INamedTypeSymbol repository, EntitySpec entity, List<MethodSpec> methods)
    {
        var name = repository.Name;
        var className = name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? name.Substring(1) : name + "Implementation";
        var ns = repository.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        return new RepositorySpec(
            ns,
            repository.ToDisplayString(KnownTypes.Emit),
            name,
            className,
            repository.DeclaredAccessibility == Accessibility.Public,
            entity,
            methods.ToEquatableArray());
    }
}
