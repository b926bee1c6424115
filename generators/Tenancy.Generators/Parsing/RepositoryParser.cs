using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tenancy.Generators.Model;

namespace Tenancy.Generators.Parsing;

/// <summary>
/// The generator's only semantic step: reduces a <c>[TenantRepository]</c> interface to a <see cref="RepositorySpec"/>.
/// Invalid declarations return null and are skipped; the TNT analyzers report them.
/// </summary>
internal static class RepositoryParser
{
    public static RepositorySpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } repository
            || context.TargetNode is not InterfaceDeclarationSyntax declaration
            || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
            || repository.ContainingType is not null || repository.IsGenericType || repository.AllInterfaces.Length > 0
            || repository.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal)
            || context.Attributes.Length != 1 || context.Attributes[0].ConstructorArguments.Length != 1
            || context.Attributes[0].ConstructorArguments[0].Value is not INamedTypeSymbol entityType)
        {
            return null;
        }

        var entity = EntityParser.Parse(entityType, new MappingContext(cancellationToken));
        if (entity is null)
        {
            return null;
        }

        var methods = new List<MethodSpec>();
        foreach (var member in repository.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsAbstract)
            {
                continue;
            }

            if (member is not IMethodSymbol { MethodKind: Microsoft.CodeAnalysis.MethodKind.Ordinary } method
                || MethodParser.Parse(method, entityType, entity) is not { } spec
                || methods.Any(m => m.Name == spec.Name))
            {
                return null;
            }

            methods.Add(spec);
        }

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
