using Microsoft.CodeAnalysis;

namespace Tenancy.Declarations.Reading;

/// <summary>Metadata names the generator recognises, compared by display string (no compilation lookups).</summary>
internal static class KnownTypes
{
    public const string TenantRepositoryAttribute = "Tenancy.Isolation.Repositories.TenantRepositoryAttribute";
    public const string TenantEntityAttribute = "Tenancy.Isolation.Repositories.TenantEntityAttribute";
    public const string TenantIndexAttribute = "Tenancy.Isolation.Repositories.TenantIndexAttribute";
    public const string QueryIndexAttribute = "Tenancy.Isolation.Repositories.QueryIndexAttribute";
    public const string EncryptedAttribute = "Tenancy.Isolation.Repositories.EncryptedAttribute";
    public const string ConcurrencyVersionAttribute = "Tenancy.Isolation.Repositories.ConcurrencyVersionAttribute";
    public const string StoredNameAttribute = "Tenancy.Isolation.Repositories.StoredNameAttribute";
    public const string NotStoredAttribute = "Tenancy.Isolation.Repositories.NotStoredAttribute";
    public const string SensitiveAttribute = "Tenancy.Isolation.Repositories.SensitiveAttribute";
    public const string TenantProjectionAttribute = "Tenancy.Isolation.Repositories.TenantProjectionAttribute";
    public const string TenantScope = "Tenancy.Isolation.TenantScope";
    public const string PageRequest = "Tenancy.Isolation.Repositories.PageRequest";
    public const string SortKeyCondition = "Tenancy.Isolation.Repositories.SortKeyCondition";
    public const string Page = "Tenancy.Isolation.Repositories.Page<T>";
    public const string Task = "System.Threading.Tasks.Task<TResult>";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string IEnumerable = "System.Collections.Generic.IEnumerable<T>";
    public const string IReadOnlyList = "System.Collections.Generic.IReadOnlyList<T>";

    /// <summary>Fully qualified, with <c>global::</c> and nullable reference annotations, for emitting.</summary>
    public static readonly SymbolDisplayFormat Emit = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string MetadataName(ITypeSymbol type) => type.OriginalDefinition.ToDisplayString();

    public static bool Is(ITypeSymbol? type, string name) => type is not null && MetadataName(type) == name;

    public static AttributeData? FindAttribute(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && type.ToDisplayString() == name)
            {
                return attribute;
            }
        }

        return null;
    }

    public static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }
}
