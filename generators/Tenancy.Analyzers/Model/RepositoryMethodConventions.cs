using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>
/// Checks one repository method (after its leading TenantScope) against the convention of its name's prefix.
/// Each problem is returned as a complete sentence for TNT002.
/// </summary>
internal sealed class RepositoryMethodConventions
{
    private readonly TenancyTypes _types;
    private readonly TenantEntity _entity;

    public RepositoryMethodConventions(TenancyTypes types, TenantEntity entity)
    {
        _types = types;
        _entity = entity;
    }

    public IEnumerable<string> Check(IMethodSymbol method)
    {
        var problems = new List<string>();
        var operation = RepositoryOperations.FromMethodName(method.Name);
        if (operation == RepositoryOperation.Unknown)
        {
            problems.Add($"Repository method '{method.Name}' must start with Get, Create, Upsert, Update, Delete, Query or BatchGet");
            return problems;
        }

        if (method.IsGenericMethod)
        {
            problems.Add($"Repository method '{method.Name}' must not be generic");
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                problems.Add($"Parameter '{parameter.Name}' of '{method.Name}' must be a plain by-value parameter");
            }
        }

        var arguments = method.Parameters.Skip(1).ToList();
        if (arguments.Count > 0 && TenancyTypes.Is(arguments[arguments.Count - 1].Type, _types.CancellationToken))
        {
            arguments.RemoveAt(arguments.Count - 1);
        }

        foreach (var parameter in arguments)
        {
            if (TenancyTypes.Is(parameter.Type, _types.CancellationToken))
            {
                problems.Add($"The CancellationToken of '{method.Name}' must be its last parameter");
            }
            else if (TenancyTypes.Is(parameter.Type, _types.TenantScope))
            {
                problems.Add($"Repository method '{method.Name}' must take exactly one TenantScope");
            }
        }

        arguments.RemoveAll(p => TenancyTypes.Is(p.Type, _types.CancellationToken) || TenancyTypes.Is(p.Type, _types.TenantScope));
        var entityName = _entity.Type.Name;
        switch (operation)
        {
            case RepositoryOperation.Get:
                ExpectReturn(method, problems, IsTaskOf(method.ReturnType, t => IsEntity(t) && IsNullableResult(t)), $"Task<{entityName}?>");
                Bind(method, arguments, _entity.KeyPlaceholders, "key", problems);
                break;
            case RepositoryOperation.Delete:
                ExpectReturn(method, problems, IsTaskOf(method.ReturnType, t => t.SpecialType == SpecialType.System_Boolean), "Task<bool>");
                Bind(method, arguments, _entity.KeyPlaceholders, "key", problems);
                break;
            case RepositoryOperation.Create:
            case RepositoryOperation.Upsert:
            case RepositoryOperation.Update:
                ExpectReturn(method, problems, IsTaskOf(method.ReturnType, IsEntity), $"Task<{entityName}>");
                if (arguments.Count != 1 || !IsEntity(arguments[0].Type))
                {
                    problems.Add($"Repository method '{method.Name}' must take (TenantScope, {entityName}[, CancellationToken])");
                }

                break;
            case RepositoryOperation.Query:
                CheckQuery(method, arguments, problems);
                break;
            case RepositoryOperation.BatchGet:
                CheckBatchGet(method, arguments, problems);
                break;
        }

        if (operation != RepositoryOperation.Query && TenancyTypes.Find(method, _types.QueryIndexAttribute) is not null)
        {
            problems.Add($"[QueryIndex] only applies to Query… methods, not '{method.Name}'");
        }

        return problems;
    }

    private void CheckQuery(IMethodSymbol method, List<IParameterSymbol> arguments, List<string> problems)
    {
        ExpectReturn(method, problems, IsTaskOf(method.ReturnType, t => TenancyTypes.Is(t, _types.Page) && t is INamedTypeSymbol { TypeArguments.Length: 1 } page && IsEntity(page.TypeArguments[0])), $"Task<Page<{_entity.Type.Name}>>");
        if (arguments.Count == 0 || !TenancyTypes.Is(arguments[arguments.Count - 1].Type, _types.PageRequest))
        {
            problems.Add($"Query method '{method.Name}' must take a PageRequest after its key values (and before an optional CancellationToken)");
        }
        else
        {
            arguments.RemoveAt(arguments.Count - 1);
        }

        if (arguments.Count > 0 && TenancyTypes.Is(arguments[arguments.Count - 1].Type, _types.SortKeyCondition))
        {
            arguments.RemoveAt(arguments.Count - 1);
        }

        foreach (var parameter in arguments)
        {
            if (TenancyTypes.Is(parameter.Type, _types.PageRequest) || TenancyTypes.Is(parameter.Type, _types.SortKeyCondition))
            {
                problems.Add($"Query method '{method.Name}' must take (TenantScope, partition key values…, [SortKeyCondition], PageRequest[, CancellationToken]) in that order");
                return;
            }
        }

        var partition = _entity.PartitionPlaceholders;
        var queryIndex = TenancyTypes.Find(method, _types.QueryIndexAttribute);
        if (queryIndex is not null)
        {
            var indexName = queryIndex.ConstructorArguments.Length == 1 ? queryIndex.ConstructorArguments[0].Value as string : null;
            var index = indexName is null ? null : _entity.FindIndex(indexName);
            if (index is null)
            {
                problems.Add($"[QueryIndex(\"{indexName}\")] on '{method.Name}' names no [TenantIndex] of '{_entity.Type.Name}'");
                return;
            }

            partition = index.PartitionKey.Placeholders;
        }

        Bind(method, arguments, partition, "partition key", problems);
    }

    private void CheckBatchGet(IMethodSymbol method, List<IParameterSymbol> arguments, List<string> problems)
    {
        ExpectReturn(method, problems, IsTaskOf(method.ReturnType, t => TenancyTypes.Is(t, _types.ReadOnlyList) && t is INamedTypeSymbol { TypeArguments.Length: 1 } list && IsEntity(list.TypeArguments[0])), $"Task<IReadOnlyList<{_entity.Type.Name}>>");
        var placeholders = _entity.KeyPlaceholders.ToList();
        if (placeholders.Count != 1)
        {
            problems.Add($"BatchGet method '{method.Name}' needs an entity key with exactly one placeholder; '{_entity.Type.Name}' has {placeholders.Count}");
            return;
        }

        var keyType = _entity.FindProperty(placeholders[0])?.Type;
        if (arguments.Count != 1
            || arguments[0].Type is not INamedTypeSymbol { TypeArguments.Length: 1 } keys
            || !TenancyTypes.Is(keys, _types.Enumerable)
            || keyType is null
            || !SymbolEqualityComparer.Default.Equals(keys.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.None), keyType.WithNullableAnnotation(NullableAnnotation.None)))
        {
            problems.Add($"BatchGet method '{method.Name}' must take (TenantScope, IEnumerable<{keyType?.ToDisplayString() ?? "TKey"}> {placeholders[0]}s[, CancellationToken])");
        }
    }

    /// <summary>Every argument must be named like a placeholder (case-insensitive) and have its property's type; every placeholder needs one.</summary>
    private void Bind(IMethodSymbol method, List<IParameterSymbol> arguments, IEnumerable<string> placeholders, string role, List<string> problems)
    {
        var expected = placeholders.ToList();
        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in arguments)
        {
            var placeholder = expected.FirstOrDefault(p => string.Equals(p, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (placeholder is null)
            {
                var names = expected.Count == 0 ? "none" : string.Join(", ", expected.Select(p => "{" + p + "}"));
                problems.Add($"Parameter '{parameter.Name}' of '{method.Name}' does not bind to a {role} placeholder (expected: {names})");
                continue;
            }

            if (!bound.Add(placeholder))
            {
                problems.Add($"Placeholder '{{{placeholder}}}' is bound by more than one parameter of '{method.Name}'");
            }

            var property = _entity.FindProperty(placeholder);
            if (property is not null && !SymbolEqualityComparer.Default.Equals(property.Type.WithNullableAnnotation(NullableAnnotation.None), parameter.Type.WithNullableAnnotation(NullableAnnotation.None)))
            {
                problems.Add($"Parameter '{parameter.Name}' of '{method.Name}' has type '{parameter.Type.ToDisplayString()}' but placeholder '{{{placeholder}}}' is '{property.Type.ToDisplayString()}'");
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

    private static void ExpectReturn(IMethodSymbol method, List<string> problems, bool matches, string expected)
    {
        if (!matches)
        {
            problems.Add($"Repository method '{method.Name}' must return {expected}, not '{method.ReturnType.ToDisplayString()}'");
        }
    }

    private bool IsTaskOf(ITypeSymbol type, Func<ITypeSymbol, bool> result) =>
        TenancyTypes.Is(type, _types.Task) && type is INamedTypeSymbol { TypeArguments.Length: 1 } task && result(task.TypeArguments[0]);

    private bool IsEntity(ITypeSymbol type)
    {
        var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        return SymbolEqualityComparer.Default.Equals(underlying.OriginalDefinition, _entity.Type.OriginalDefinition);
    }

    /// <summary>Get returns null for a missing item, so the result must be declared nullable.</summary>
    private static bool IsNullableResult(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
        || (type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated);
}
