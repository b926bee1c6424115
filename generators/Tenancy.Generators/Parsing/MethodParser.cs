using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tenancy.Generators.Model;
using MethodKind = Tenancy.Generators.Model.MethodKind;

namespace Tenancy.Generators.Parsing;

/// <summary>
/// Maps an interface method to an operation by its name prefix and checks its shape (see
/// <c>TenantRepositoryAttribute</c>); null when the method does not follow the conventions.
/// </summary>
internal static class MethodParser
{
    private static readonly (string Prefix, MethodKind Kind)[] Prefixes =
    {
        ("BatchGet", MethodKind.BatchGet),
        ("Get", MethodKind.Get),
        ("Create", MethodKind.Create),
        ("Upsert", MethodKind.Upsert),
        ("Update", MethodKind.Update),
        ("Delete", MethodKind.Delete),
        ("Query", MethodKind.Query),
    };

    public static MethodSpec? Parse(IMethodSymbol method, INamedTypeSymbol entityType, EntitySpec entity)
    {
        var kind = Prefixes.Where(p => method.Name.StartsWith(p.Prefix, StringComparison.Ordinal)).Select(p => (MethodKind?)p.Kind).FirstOrDefault();
        if (kind is null || method.IsGenericMethod || method.ReturnsByRef
            || method.ReturnType is not INamedTypeSymbol returnType || !KnownTypes.Is(returnType, KnownTypes.Task)
            || method.Parameters.Length == 0 || !KnownTypes.Is(method.Parameters[0].Type, KnownTypes.TenantScope)
            || method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
        {
            return null;
        }

        var result = returnType.TypeArguments[0];
        var parameters = new List<ParameterSpec> { Parameter(method.Parameters[0], ParameterRole.Scope, null) };
        var rest = method.Parameters.Skip(1).ToList();
        ParameterSpec? cancellation = null;
        if (rest.Count > 0 && KnownTypes.Is(rest[rest.Count - 1].Type, KnownTypes.CancellationToken))
        {
            cancellation = Parameter(rest[rest.Count - 1], ParameterRole.CancellationToken, null);
            rest.RemoveAt(rest.Count - 1);
        }

        string? indexName = null;
        var ok = kind.Value switch
        {
            MethodKind.Get => IsNullableEntity(result, entityType) && KeyValues(rest, AllPlaceholders(entity), parameters),
            MethodKind.Delete => result.SpecialType == SpecialType.System_Boolean && KeyValues(rest, AllPlaceholders(entity), parameters),
            MethodKind.Create or MethodKind.Upsert or MethodKind.Update =>
                IsEntity(result, entityType) && rest.Count == 1 && IsEntity(rest[0].Type, entityType)
                && Add(parameters, Parameter(rest[0], ParameterRole.Entity, null)),
            MethodKind.Query => ParseQuery(method, result, rest, entityType, entity, parameters, out indexName),
            MethodKind.BatchGet => ParseBatchGet(result, rest, entityType, entity, parameters),
            _ => false,
        };

        if (!ok)
        {
            return null;
        }

        if (cancellation is not null)
        {
            parameters.Add(cancellation);
        }

        // Keep the declared parameter order so the implementation's signature matches the interface.
        var ordered = method.Parameters.Select(p => parameters.First(s => s.Name == p.Name)).ToEquatableArray();
        return new MethodSpec(kind.Value, method.Name, returnType.ToDisplayString(KnownTypes.Emit), ordered, indexName);
    }

    private static bool ParseQuery(IMethodSymbol method, ITypeSymbol result, List<IParameterSymbol> rest, INamedTypeSymbol entityType, EntitySpec entity, List<ParameterSpec> parameters, out string? indexName)
    {
        indexName = null;
        if (!KnownTypes.Is(result, KnownTypes.Page) || result is not INamedTypeSymbol page || !IsEntity(page.TypeArguments[0], entityType))
        {
            return false;
        }

        KeyTemplate partition;
        KeyTemplate? sort;
        if (KnownTypes.FindAttribute(method, KnownTypes.QueryIndexAttribute) is { } queryIndex)
        {
            var name = queryIndex.ConstructorArguments.FirstOrDefault().Value as string;
            var index = entity.Indexes.FirstOrDefault(i => i.Name == name);
            if (index is null)
            {
                return false;
            }

            indexName = index.Name;
            partition = index.PartitionKey;
            sort = index.SortKey;
        }
        else
        {
            partition = entity.PartitionKey ?? new KeyTemplate(string.Empty, EquatableArray<KeyPart>.Empty);
            sort = entity.SortKey;
        }

        var pages = rest.Where(p => KnownTypes.Is(p.Type, KnownTypes.PageRequest)).ToList();
        var conditions = rest.Where(p => KnownTypes.Is(p.Type, KnownTypes.SortKeyCondition)).ToList();
        if (pages.Count != 1 || conditions.Count > 1 || (conditions.Count == 1 && sort is null))
        {
            return false;
        }

        parameters.Add(Parameter(pages[0], ParameterRole.Page, null));
        if (conditions.Count == 1)
        {
            parameters.Add(Parameter(conditions[0], ParameterRole.SortKeyCondition, null));
        }

        return KeyValues(rest.Except(pages).Except(conditions).ToList(), partition.Placeholders.ToList(), parameters);
    }

    private static bool ParseBatchGet(ITypeSymbol result, List<IParameterSymbol> rest, INamedTypeSymbol entityType, EntitySpec entity, List<ParameterSpec> parameters)
    {
        var placeholders = AllPlaceholders(entity);
        if (!KnownTypes.Is(result, KnownTypes.IReadOnlyList) || result is not INamedTypeSymbol list || !IsEntity(list.TypeArguments[0], entityType)
            || placeholders.Count != 1 || rest.Count != 1 || !KnownTypes.Is(rest[0].Type, KnownTypes.IEnumerable)
            || rest[0].Type is not INamedTypeSymbol keys || Plain(keys.TypeArguments[0]) != placeholders[0].TypeName)
        {
            return false;
        }

        parameters.Add(Parameter(rest[0], ParameterRole.Keys, placeholders[0].PropertyName));
        return true;
    }

    /// <summary>Every parameter must name one placeholder (case-insensitively) with the property's type, and cover all of them.</summary>
    private static bool KeyValues(List<IParameterSymbol> rest, IReadOnlyList<KeyPart> placeholders, List<ParameterSpec> parameters)
    {
        var unfilled = placeholders.Select(p => p.PropertyName!).Distinct().ToList();
        foreach (var parameter in rest)
        {
            var placeholder = placeholders.FirstOrDefault(p => string.Equals(p.PropertyName, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (placeholder is null || !unfilled.Remove(placeholder.PropertyName!) || Plain(parameter.Type) != placeholder.TypeName
                || (parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
            {
                return false;
            }

            parameters.Add(Parameter(parameter, ParameterRole.KeyValue, placeholder.PropertyName));
        }

        return unfilled.Count == 0;
    }

    private static List<KeyPart> AllPlaceholders(EntitySpec entity)
    {
        var all = new List<KeyPart>();
        foreach (var part in (entity.PartitionKey?.Placeholders ?? EquatableArray<KeyPart>.Empty).Concat(entity.SortKey.Placeholders))
        {
            if (all.All(p => p.PropertyName != part.PropertyName))
            {
                all.Add(part);
            }
        }

        return all;
    }

    private static bool Add(List<ParameterSpec> parameters, ParameterSpec parameter)
    {
        parameters.Add(parameter);
        return true;
    }

    private static ParameterSpec Parameter(IParameterSymbol parameter, ParameterRole role, string? propertyName) =>
        new(parameter.Name, parameter.Type.ToDisplayString(KnownTypes.Emit), role, propertyName, parameter.HasExplicitDefaultValue);

    private static string Plain(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(KnownTypes.Emit);

    private static bool IsEntity(ITypeSymbol type, INamedTypeSymbol entityType) => SymbolEqualityComparer.Default.Equals(type, entityType);

    private static bool IsNullableEntity(ITypeSymbol type, INamedTypeSymbol entityType) =>
        entityType.IsValueType
            ? type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && IsEntity(nullable.TypeArguments[0], entityType)
            : IsEntity(type, entityType) && type.NullableAnnotation == NullableAnnotation.Annotated;
}
