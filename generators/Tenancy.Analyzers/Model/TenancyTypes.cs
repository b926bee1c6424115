using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>Lookups of Tenancy types in the compilation being analyzed.</summary>
internal static class TenancyTypes
{
    /// <summary>False when the compilation does not reference Tenancy.Isolation (nothing to check then).</summary>
    public static bool IsReferenced(Compilation compilation) => compilation.GetTypeByMetadataName("Tenancy.Isolation.TenantScope") is not null;

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
}
