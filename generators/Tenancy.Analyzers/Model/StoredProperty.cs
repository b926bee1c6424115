using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>A property the generated mapper stores, with the attribute name it is stored under.</summary>
internal sealed class StoredProperty
{
    public StoredProperty(IPropertySymbol symbol, string storedName, bool isEncrypted, bool isVersion, AttributeData? storedNameAttribute)
    {
        Symbol = symbol;
        StoredName = storedName;
        IsEncrypted = isEncrypted;
        IsVersion = isVersion;
        StoredNameAttribute = storedNameAttribute;
    }

    public IPropertySymbol Symbol { get; }

    public string Name => Symbol.Name;

    public ITypeSymbol Type => Symbol.Type;

    public string StoredName { get; }

    public bool IsEncrypted { get; }

    public bool IsVersion { get; }

    public AttributeData? StoredNameAttribute { get; }
}
