using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tenancy.Analyzers.Model;

namespace Tenancy.Analyzers.Rules;

/// <summary>
/// Checks <c>[TenantEntity]</c> declarations: key templates (TNT002 malformed, TNT006 tenant segment), stored
/// property types and attributes (TNT002) and <c>[TenantIndex]</c> partition keys (TNT005).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TenantEntityAnalyzer : DiagnosticAnalyzer
{
    private const int MinIndexNameLength = 3;
    private const int MaxIndexNameLength = 255;

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
            var types = TenancyTypes.TryCreate(start.Compilation);
            if (types?.TenantEntityAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, types), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, TenancyTypes types)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var entity = TenantEntity.TryRead(type, types);
        if (entity is null)
        {
            return;
        }

        var report = new Reporter(context);
        if (type.IsGenericType || type.IsAbstract || type.IsStatic)
        {
            report.Invalid(AttributeLocations.FirstLocation(type), $"Tenant entity '{type.Name}' must be a non-generic, non-abstract class, record or struct");
        }

        CheckProperties(entity, report, types);
        CheckTableKey(entity, report);
        CheckIndexes(entity, report);
    }

    private static void CheckProperties(TenantEntity entity, Reporter report, TenancyTypes types)
    {
        var storedNames = new Dictionary<string, StoredProperty>(StringComparer.Ordinal);
        StoredProperty? version = null;
        foreach (var property in entity.Properties)
        {
            var location = AttributeLocations.OfProperty(property.Symbol, entity.Type);
            var unsupported = StoredTypeSupport.Check(property.Type, types);
            if (unsupported is not null)
            {
                report.Invalid(location, $"Property '{property.Name}' of tenant entity '{entity.Type.Name}' has an unsupported type: {unsupported}");
            }

            if (property.StoredNameAttribute is not null && string.IsNullOrWhiteSpace(property.StoredName))
            {
                report.Invalid(location, $"[StoredName] on '{property.Name}' must name a non-empty attribute");
            }
            else if (storedNames.TryGetValue(property.StoredName, out var other))
            {
                report.Invalid(location, $"Properties '{other.Name}' and '{property.Name}' are both stored as attribute '{property.StoredName}'");
            }
            else
            {
                storedNames.Add(property.StoredName, property);
            }

            if (property.IsEncrypted && property.Type.SpecialType != SpecialType.System_String && property.Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                report.Invalid(location, $"[Encrypted] property '{property.Name}' must be a string or byte[], not '{property.Type.ToDisplayString()}'");
            }

            if (property.IsVersion)
            {
                if (property.Type.SpecialType != SpecialType.System_Int64)
                {
                    report.Invalid(location, $"[ConcurrencyVersion] property '{property.Name}' must be a long, not '{property.Type.ToDisplayString()}'");
                }

                if (version is not null)
                {
                    report.Invalid(location, $"Tenant entity '{entity.Type.Name}' has more than one [ConcurrencyVersion] property ('{version.Name}' and '{property.Name}')");
                }

                version = property;
            }

            foreach (var keyName in new[] { entity.PartitionKeyAttributeName, entity.SortKeyAttributeName })
            {
                if (string.Equals(property.StoredName, keyName, StringComparison.OrdinalIgnoreCase))
                {
                    report.Invalid(location, $"Property '{property.Name}' is stored as '{property.StoredName}', which is the table's key attribute '{keyName}'");
                }
            }
        }
    }

    private static void CheckTableKey(TenantEntity entity, Reporter report)
    {
        var attribute = entity.Attribute;
        if (string.IsNullOrWhiteSpace(entity.PartitionKeyAttributeName) || string.IsNullOrWhiteSpace(entity.SortKeyAttributeName))
        {
            report.Invalid(AttributeLocations.Of(attribute, null, -1, entity.Type), $"Tenant entity '{entity.Type.Name}' must name non-empty partition and sort key attributes");
        }
        else if (string.Equals(entity.PartitionKeyAttributeName, entity.SortKeyAttributeName, StringComparison.OrdinalIgnoreCase))
        {
            report.Invalid(AttributeLocations.Of(attribute, "SortKeyAttributeName", -1, entity.Type), $"Tenant entity '{entity.Type.Name}' uses '{entity.SortKeyAttributeName}' as both partition and sort key attribute");
        }

        var sortKeyLocation = AttributeLocations.Of(attribute, "sortKey", 0, entity.Type);
        if (CheckTemplate(entity, entity.SortKey, "sort key", sortKeyLocation, report) && !entity.SortKey.StartsWithLiteral)
        {
            report.Invalid(sortKeyLocation, $"Sort key template '{entity.SortKey.Text}' of '{entity.Type.Name}' must start with a literal segment (e.g. ORDER#{{Id}}) that tells this entity's items apart in queries");
        }

        if (entity.PartitionKey is not null)
        {
            CheckTemplate(entity, entity.PartitionKey, "partition key", AttributeLocations.Of(attribute, "PartitionKey", -1, entity.Type), report);
        }
    }

    private static void CheckIndexes(TenantEntity entity, Reporter report)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in entity.Indexes)
        {
            var attribute = index.Attribute;
            var nameLocation = AttributeLocations.Of(attribute, "indexName", 0, entity.Type);
            if (!IsValidIndexName(index.Name))
            {
                report.Invalid(nameLocation, $"Index name '{index.Name}' must be {MinIndexNameLength}-{MaxIndexNameLength} characters of a-z, A-Z, 0-9, '_', '-' and '.'");
            }
            else if (!names.Add(index.Name))
            {
                report.Invalid(nameLocation, $"Tenant entity '{entity.Type.Name}' declares index '{index.Name}' more than once");
            }

            CheckTemplate(entity, index.PartitionKey, $"index '{index.Name}' partition key", AttributeLocations.Of(attribute, "PartitionKey", -1, entity.Type), report);
            if (index.SortKey is not null)
            {
                CheckTemplate(entity, index.SortKey, $"index '{index.Name}' sort key", AttributeLocations.Of(attribute, "SortKey", -1, entity.Type), report);
            }

            CheckIndexPartitionAttribute(entity, index, report);
            CheckIndexSortAttribute(entity, index, report);
        }
    }

    /// <summary>TNT005: the index partition attribute must be one that only the generator writes, tenant-prefixed.</summary>
    private static void CheckIndexPartitionAttribute(TenantEntity entity, IndexDeclaration index, Reporter report)
    {
        var location = AttributeLocations.Of(index.Attribute, index.HasExplicitPartitionKeyAttributeName ? "PartitionKeyAttributeName" : "indexName", 0, entity.Type);
        var attributeName = index.PartitionKeyAttributeName;
        if (string.IsNullOrWhiteSpace(attributeName))
        {
            report.Report(TenancyDiagnostics.IndexNotTenantPrefixed, location, $"Index '{index.Name}' must name a partition key attribute");
            return;
        }

        var conflict = FindAttributeOwner(entity, index, attributeName, isPartition: true);
        if (conflict is not null)
        {
            report.Report(
                TenancyDiagnostics.IndexNotTenantPrefixed,
                location,
                $"Index '{index.Name}' partitions on attribute '{attributeName}', which is also {conflict}; its partitions would not be tenant-prefixed. Use a dedicated attribute such as '{index.Name}PK', written as TENANT#<id>#<template>.");
        }
    }

    private static void CheckIndexSortAttribute(TenantEntity entity, IndexDeclaration index, Reporter report)
    {
        if (index.SortKeyAttributeName is null)
        {
            return;
        }

        var location = AttributeLocations.Of(index.Attribute, "SortKeyAttributeName", -1, entity.Type);
        if (string.IsNullOrWhiteSpace(index.SortKeyAttributeName))
        {
            report.Invalid(location, $"Index '{index.Name}' must name a sort key attribute");
            return;
        }

        var conflict = FindAttributeOwner(entity, index, index.SortKeyAttributeName!, isPartition: false);
        if (conflict is not null)
        {
            report.Invalid(location, $"Index '{index.Name}' sort key attribute '{index.SortKeyAttributeName}' is also {conflict}");
        }
    }

    /// <summary>Describes what else writes <paramref name="attributeName"/>, or null when only this index key does.</summary>
    private static string? FindAttributeOwner(TenantEntity entity, IndexDeclaration index, string attributeName, bool isPartition)
    {
        foreach (var property in entity.Properties)
        {
            if (string.Equals(property.StoredName, attributeName, StringComparison.OrdinalIgnoreCase))
            {
                return $"the stored attribute of property '{property.Name}' (its raw value)";
            }
        }

        if (string.Equals(attributeName, entity.PartitionKeyAttributeName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(attributeName, entity.SortKeyAttributeName, StringComparison.OrdinalIgnoreCase))
        {
            return "a key attribute of the table";
        }

        // The reverse case (sort attribute == own partition attribute) is reported once, as TNT005, on the partition side.
        if (isPartition && string.Equals(attributeName, index.SortKeyAttributeName, StringComparison.OrdinalIgnoreCase))
        {
            return "the index's own sort key attribute";
        }

        foreach (var other in entity.Indexes)
        {
            if (ReferenceEquals(other, index))
            {
                continue;
            }

            if (string.Equals(attributeName, other.PartitionKeyAttributeName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(attributeName, other.SortKeyAttributeName, StringComparison.OrdinalIgnoreCase))
            {
                return $"a key attribute of index '{other.Name}'";
            }
        }

        return null;
    }

    /// <summary>Reports TNT006/TNT002 problems of one template; true when it is well-formed.</summary>
    private static bool CheckTemplate(TenantEntity entity, KeyTemplate template, string role, Location location, Reporter report)
    {
        var valid = true;
        if (template.TenantViolation is not null)
        {
            report.Report(TenancyDiagnostics.TemplatePlacesTenant, location, $"The {role} template '{template.Text}' of '{entity.Type.Name}' {template.TenantViolation}");
            valid = false;
        }

        if (template.Error is not null)
        {
            report.Invalid(location, $"The {role} template '{template.Text}' of '{entity.Type.Name}' {template.Error}");
            return false;
        }

        foreach (var placeholder in template.Placeholders)
        {
            if (template.TenantViolation is not null && (string.Equals(placeholder, "TenantId", StringComparison.OrdinalIgnoreCase) || string.Equals(placeholder, "Tenant", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var property = entity.FindProperty(placeholder);
            if (property is null)
            {
                report.Invalid(location, $"The {role} template '{template.Text}' refers to '{{{placeholder}}}', which is not a stored property of '{entity.Type.Name}'");
                valid = false;
                continue;
            }

            if (!StoredTypeSupport.IsKeyType(property.Type) || StoredTypeSupport.IsNullable(property.Type))
            {
                report.Invalid(location, $"Key placeholder '{{{placeholder}}}' has type '{property.Type.ToDisplayString()}'; key values must be non-nullable strings, integers, enums, Guid or DateTimeOffset");
                valid = false;
            }

            if (property.IsEncrypted)
            {
                report.Invalid(location, $"Key placeholder '{{{placeholder}}}' refers to [Encrypted] property '{property.Name}'; encrypted values cannot be part of a key");
                valid = false;
            }

            if (property.IsVersion)
            {
                report.Invalid(location, $"Key placeholder '{{{placeholder}}}' refers to the [ConcurrencyVersion] property '{property.Name}', which changes on every update");
                valid = false;
            }
        }

        return valid;
    }

    private static bool IsValidIndexName(string name)
    {
        if (name.Length is < MinIndexNameLength or > MaxIndexNameLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reports each (rule, location, message) once, even when several checks reach the same conclusion.</summary>
    private sealed class Reporter
    {
        private readonly SymbolAnalysisContext _context;
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

        public Reporter(SymbolAnalysisContext context)
        {
            _context = context;
        }

        public void Invalid(Location location, string message) => Report(TenancyDiagnostics.InvalidDeclaration, location, message);

        public void Report(DiagnosticDescriptor descriptor, Location location, string message)
        {
            if (_reported.Add(descriptor.Id + "|" + location.SourceSpan + "|" + message))
            {
                _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, message));
            }
        }
    }
}
