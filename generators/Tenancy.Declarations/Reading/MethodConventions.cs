using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tenancy.Declarations.Model;
using MethodKind = Tenancy.Declarations.Model.MethodKind;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// Checks one repository method (after its leading TenantScope) against the convention of its name's prefix.
/// Each problem is a complete sentence; the repository reader joins them into one TNT002 per method.
/// </summary>
internal sealed class MethodConventions
{
    private readonly INamedTypeSymbol _entityType;
    private readonly EntitySpec _entity;

    public MethodConventions(INamedTypeSymbol entityType, EntitySpec entity)
    {
        _entityType = entityType;
        _entity = entity;
    }

    private string EntityName => _entityType.Name;

    public List<string> Check(IMethodSymbol method)
    {
        var problems = new List<string>();
        var kind = MethodKinds.FromName(method.Name);
        if (kind is null)
        {
            problems.Add($"Repository method '{method.Name}' must start with Get, Create, Upsert, Update, Delete, Query or BatchGet");
            return problems;
        }

        if (method.IsGenericMethod)
        {
            problems.Add($"Repository method '{method.Name}' must not be generic");
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            problems.Add($"Repository method '{method.Name}' must return its Task by value");
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                problems.Add($"Parameter '{parameter.Name}' of '{method.Name}' must be a plain by-value parameter");
            }
        }

        var arguments = method.Parameters.Skip(1).ToList();
        if (arguments.Count > 0 && KnownTypes.Is(arguments[arguments.Count - 1].Type, KnownTypes.CancellationToken))
        {
            arguments.RemoveAt(arguments.Count - 1);
        }

        foreach (var parameter in arguments)
        {
            if (KnownTypes.Is(parameter.Type, KnownTypes.CancellationToken))
            {
                problems.Add($"The CancellationToken of '{method.Name}' must be its last parameter");
            }
            else if (KnownTypes.Is(parameter.Type, KnownTypes.TenantScope))
            {
                problems.Add($"Repository method '{method.Name}' must take exactly one TenantScope");
            }
        }

        arguments.RemoveAll(p => KnownTypes.Is(p.Type, KnownTypes.CancellationToken) || KnownTypes.Is(p.Type, KnownTypes.TenantScope));
        var keyPlaceholders = MethodReader.AllPlaceholders(_entity);
        switch (kind.Value)
        {
            case MethodKind.Get:
                ExpectReturn(method, problems, IsTaskOf(method.ReturnType, IsNullableEntity), $"Task<{EntityName}?>");
                Bind(method, arguments, keyPlaceholders, "key", problems);
                break;
            case MethodKind.Delete:
                ExpectReturn(method, problems, IsTaskOf(method.ReturnType, t => t.SpecialType == SpecialType.System_Boolean), "Task<bool>");
                Bind(method, arguments, keyPlaceholders, "key", problems);
                break;
            case MethodKind.Create:
            case MethodKind.Upsert:
            case MethodKind.Update:
                ExpectReturn(method, problems, IsTaskOf(method.ReturnType, IsEntity), $"Task<{EntityName}>");
                if (arguments.Count != 1 || !IsEntity(arguments[0].Type))
                {
                    problems.Add($"Repository method '{method.Name}' must take (TenantScope, {EntityName}[, CancellationToken])");
                }

                break;
            case MethodKind.Query:
                CheckQuery(method, arguments, problems);
                break;
            case MethodKind.BatchGet:
                CheckBatchGet(method, arguments, keyPlaceholders, problems);
                break;
        }

        if (kind != MethodKind.Query && KnownTypes.FindAttribute(method, KnownTypes.QueryIndexAttribute) is not null)
        {
            problems.Add($"[QueryIndex] only applies to Query… methods, not '{method.Name}'");
        }

        return problems;
    }

    private void CheckQuery(IMethodSymbol method, List<IParameterSymbol> arguments, List<string> problems)
    {
        ExpectReturn(method, problems, IsTaskOf(method.ReturnType, t => KnownTypes.Is(t, KnownTypes.Page) && t is INamedTypeSymbol { TypeArguments.Length: 1 } page && IsEntity(page.TypeArguments[0])), $"Task<Page<{EntityName}>>");
        if (arguments.Count == 0 || !KnownTypes.Is(arguments[arguments.Count - 1].Type, KnownTypes.PageRequest))
        {
            problems.Add($"Query method '{method.Name}' must take a PageRequest after its key values (and before an optional CancellationToken)");
        }
        else
        {
            arguments.RemoveAt(arguments.Count - 1);
        }

        var takesCondition = arguments.Count > 0 && KnownTypes.Is(arguments[arguments.Count - 1].Type, KnownTypes.SortKeyCondition);
        if (takesCondition)
        {
            arguments.RemoveAt(arguments.Count - 1);
        }

        foreach (var parameter in arguments)
        {
            if (KnownTypes.Is(parameter.Type, KnownTypes.PageRequest) || KnownTypes.Is(parameter.Type, KnownTypes.SortKeyCondition))
            {
                problems.Add($"Query method '{method.Name}' must take (TenantScope, partition key values…, [SortKeyCondition], PageRequest[, CancellationToken]) in that order");
                return;
            }
        }

        var partition = _entity.PartitionKey;
        var sortKey = (KeyTemplate?)_entity.SortKey;
        var queryIndex = KnownTypes.FindAttribute(method, KnownTypes.QueryIndexAttribute);
        if (queryIndex is not null)
        {
            var indexName = queryIndex.ConstructorArguments.Length == 1 ? queryIndex.ConstructorArguments[0].Value as string : null;
            var index = _entity.Indexes.FirstOrDefault(i => i.Name == indexName);
            if (index is null)
            {
                problems.Add($"[QueryIndex(\"{indexName}\")] on '{method.Name}' names no [TenantIndex] of '{EntityName}'");
                return;
            }

            partition = index.PartitionKey;
            sortKey = index.SortKey;
        }

        if (takesCondition && sortKey is null)
        {
            problems.Add($"Query method '{method.Name}' takes a SortKeyCondition, but the index it queries has no sort key");
        }

        Bind(method, arguments, partition?.Placeholders.ToList() ?? new List<KeyPart>(), "partition key", problems);
    }

    private void CheckBatchGet(IMethodSymbol method, List<IParameterSymbol> arguments, List<KeyPart> placeholders, List<string> problems)
    {
        ExpectReturn(method, problems, IsTaskOf(method.ReturnType, t => KnownTypes.Is(t, KnownTypes.IReadOnlyList) && t is INamedTypeSymbol { TypeArguments.Length: 1 } list && IsEntity(list.TypeArguments[0])), $"Task<IReadOnlyList<{EntityName}>>");
        if (placeholders.Count != 1)
        {
            problems.Add($"BatchGet method '{method.Name}' needs an entity key with exactly one placeholder; '{EntityName}' has {placeholders.Count}");
            return;
        }

        var key = placeholders[0];
        if (arguments.Count != 1
            || arguments[0].Type is not INamedTypeSymbol { TypeArguments.Length: 1 } keys
            || !KnownTypes.Is(keys, KnownTypes.IEnumerable)
            || !HasKeyType(keys.TypeArguments[0], key))
        {
            problems.Add($"BatchGet method '{method.Name}' must take (TenantScope, IEnumerable<{Readable(key.TypeName)}> {key.PropertyName}s[, CancellationToken])");
        }
    }

    /// <summary>Every argument must be named like a placeholder (case-insensitive) and have its property's type; every placeholder needs one.</summary>
    private static void Bind(IMethodSymbol method, List<IParameterSymbol> arguments, List<KeyPart> placeholders, string role, List<string> problems)
    {
        var expected = placeholders.Select(p => p.PropertyName!).Distinct().ToList();
        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in arguments)
        {
            var placeholder = placeholders.FirstOrDefault(p => string.Equals(p.PropertyName, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (placeholder is null)
            {
                var names = expected.Count == 0 ? "none" : string.Join(", ", expected.Select(p => "{" + p + "}"));
                problems.Add($"Parameter '{parameter.Name}' of '{method.Name}' does not bind to a {role} placeholder (expected: {names})");
                continue;
            }

            if (!bound.Add(placeholder.PropertyName!))
            {
                problems.Add($"Placeholder '{{{placeholder.PropertyName}}}' is bound by more than one parameter of '{method.Name}'");
            }

            if (!HasKeyType(parameter.Type, placeholder))
            {
                problems.Add($"Parameter '{parameter.Name}' of '{method.Name}' has type '{parameter.Type.ToDisplayString()}' but placeholder '{{{placeholder.PropertyName}}}' is '{Readable(placeholder.TypeName)}'");
            }
        }

        foreach (var placeholder in expected)
        {
            if (!bound.Contains(placeholder))
            {
                problems.Add($"Repository method '{method.Name}' has no parameter for {role} placeholder '{{{placeholder}}}'");
            }
        }
    }

    /// <summary>The key value's type exactly (a nullable value type would let a missing key through).</summary>
    private static bool HasKeyType(ITypeSymbol type, KeyPart placeholder) =>
        MethodReader.Plain(type) == placeholder.TypeName && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;

    private static string Readable(string? typeName) => (typeName ?? "TKey").Replace("global::", string.Empty);

    private static void ExpectReturn(IMethodSymbol method, List<string> problems, bool matches, string expected)
    {
        if (!matches)
        {
            problems.Add($"Repository method '{method.Name}' must return {expected}, not '{method.ReturnType.ToDisplayString()}'");
        }
    }

    private static bool IsTaskOf(ITypeSymbol type, Func<ITypeSymbol, bool> result) =>
        KnownTypes.Is(type, KnownTypes.Task) && type is INamedTypeSymbol { TypeArguments.Length: 1 } task && result(task.TypeArguments[0]);

    private bool IsEntity(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type, _entityType);

    /// <summary>Get returns null for a missing item, so the result must be declared nullable.</summary>
    private bool IsNullableEntity(ITypeSymbol type) =>
        _entityType.IsValueType
            ? type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && IsEntity(nullable.TypeArguments[0])
            : IsEntity(type) && type.NullableAnnotation == NullableAnnotation.Annotated;
}
