namespace Tenancy.Generators.Model;

/// <summary>A stored property: C# name, attribute name, type and how it is constructed.</summary>
internal sealed record PropertySpec(
    string Name,
    string StoredName,
    ValueTypeSpec Type,
    bool IsEncrypted,
    bool IsVersion,
    bool IsConstructorParameter);
