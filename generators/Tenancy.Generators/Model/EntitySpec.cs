namespace Tenancy.Generators.Model;

/// <summary>Everything the generator needs to store one entity type.</summary>
internal sealed record EntitySpec(
    string TypeName,
    string Name,
    KeyTemplate? PartitionKey,
    KeyTemplate SortKey,
    string PartitionKeyAttribute,
    string SortKeyAttribute,
    EquatableArray<IndexSpec> Indexes,
    ObjectSpec Root,
    EquatableArray<ObjectSpec> NestedObjects,
    EquatableArray<EnumSpec> Enums,
    PropertySpec? Version,
    EquatableArray<string> EncryptedAttributes);
