namespace Tenancy.Isolation.Repositories;

/// <summary>
/// Marks a <c>partial</c> class or record as a read-only projection of <see cref="EntityType"/> (a
/// <c>[TenantEntity]</c>): its stored properties must be non-sensitive properties of the entity with the same name and
/// type. The generator adds <c>StoredAttributeNames</c> (key, index key and projected attribute names, from the
/// entity's mapping) to the type and emits <c>&lt;Name&gt;Repository</c>, whose <c>GetAsync</c> and <c>QueryAsync</c>
/// read only those attributes (a projection expression, and <c>Select = SPECIFIC_ATTRIBUTES</c> on queries), so a
/// role limited by <c>dynamodb:Attributes</c> can run them. Details: <c>docs/repositories.md</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TenantProjectionAttribute : Attribute
{
    /// <summary>Declares a projection of <paramref name="entityType"/>.</summary>
    public TenantProjectionAttribute(Type entityType)
    {
        EntityType = entityType;
    }

    /// <summary>The <c>[TenantEntity]</c> type the projection reads from.</summary>
    public Type EntityType { get; }
}
