namespace Tenancy.Generators.Model;

/// <summary>
/// A type mapped to a DynamoDB map (or, for the entity, to the item): its stored properties, and the constructor
/// parameters (property names in order) used to create it; other properties are set in an object initializer.
/// </summary>
internal sealed record ObjectSpec(
    string TypeName,
    string HelperSuffix,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<string> ConstructorParameters);
