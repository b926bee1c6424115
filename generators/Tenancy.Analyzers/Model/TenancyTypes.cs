using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>The Tenancy and BCL types the rules compare against, resolved once per compilation.</summary>
internal sealed class TenancyTypes
{
    private TenancyTypes(Compilation compilation, INamedTypeSymbol tenantScope)
    {
        TenantScope = tenantScope;
        TenantRepositoryAttribute = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.TenantRepositoryAttribute");
        TenantEntityAttribute = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.TenantEntityAttribute");
        TenantIndexAttribute = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.TenantIndexAttribute");
        QueryIndexAttribute = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.QueryIndexAttribute");
        EncryptedAttribute = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.EncryptedAttribute");
        ConcurrencyVersionAttribute = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.ConcurrencyVersionAttribute");
        StoredNameAttribute = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.StoredNameAttribute");
        NotStoredAttribute = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.NotStoredAttribute");
        PageRequest = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.PageRequest");
        Page = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.Page`1");
        SortKeyCondition = compilation.GetTypeByMetadataName("Tenancy.Isolation.Repositories.SortKeyCondition");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        ReadOnlyList = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IReadOnlyList_T);
    }

    public INamedTypeSymbol TenantScope { get; }

    public INamedTypeSymbol? TenantRepositoryAttribute { get; }

    public INamedTypeSymbol? TenantEntityAttribute { get; }

    public INamedTypeSymbol? TenantIndexAttribute { get; }

    public INamedTypeSymbol? QueryIndexAttribute { get; }

    public INamedTypeSymbol? EncryptedAttribute { get; }

    public INamedTypeSymbol? ConcurrencyVersionAttribute { get; }

    public INamedTypeSymbol? StoredNameAttribute { get; }

    public INamedTypeSymbol? NotStoredAttribute { get; }

    public INamedTypeSymbol? PageRequest { get; }

    public INamedTypeSymbol? Page { get; }

    public INamedTypeSymbol? SortKeyCondition { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol Enumerable { get; }

    public INamedTypeSymbol ReadOnlyList { get; }

    /// <summary>Null when the compilation does not reference Tenancy.Isolation (nothing to check then).</summary>
    public static TenancyTypes? TryCreate(Compilation compilation)
    {
        var scope = compilation.GetTypeByMetadataName("Tenancy.Isolation.TenantScope");
        return scope is null ? null : new TenancyTypes(compilation, scope);
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool Has(ISymbol symbol, INamedTypeSymbol? attributeType) => Find(symbol, attributeType) is not null;
}
