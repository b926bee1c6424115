namespace Tenancy.Declarations.Model;

/// <summary>
/// One <c>[TenantProjection]</c> type, reduced to values: its entity, the projected properties (stored names taken
/// from the entity's mapping), and every attribute name a projected read requests (keys, index keys, projected).
/// </summary>
internal sealed record ProjectionSpec(
    string? Namespace,
    string TypeName,
    string Name,
    string TypeKeyword,
    string ClassName,
    bool IsPublic,
    EntitySpec Entity,
    ObjectSpec Root,
    EquatableArray<ObjectSpec> NestedObjects,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<string> AttributeNames);
