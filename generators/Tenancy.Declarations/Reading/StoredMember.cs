using Microsoft.CodeAnalysis;
using Tenancy.Declarations.Model;

namespace Tenancy.Declarations.Reading;

/// <summary>A stored property with its symbol, kept only while reading (for locations and type comparisons).</summary>
internal sealed class StoredMember
{
    public StoredMember(IPropertySymbol symbol, PropertySpec spec)
    {
        Symbol = symbol;
        Spec = spec;
    }

    public IPropertySymbol Symbol { get; }

    public PropertySpec Spec { get; }

    public string Name => Spec.Name;
}
