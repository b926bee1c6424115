namespace Tenancy.Generators.Model;

/// <summary>One <c>[TenantRepository]</c> interface, reduced to values (no compiler objects).</summary>
internal sealed record RepositorySpec(
    string? Namespace,
    string InterfaceTypeName,
    string InterfaceName,
    string ClassName,
    bool IsPublic,
    EntitySpec Entity,
    EquatableArray<MethodSpec> Methods);
