namespace Tenancy.Isolation.Repositories;

/// <summary>
/// Marks an entity property as sensitive: no <see cref="TenantProjectionAttribute"/> projection may name it (TNT008),
/// so the attribute stays outside what a narrower role such as the support role is allowed to read. Encrypted
/// properties are sensitive without this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SensitiveAttribute : Attribute
{
}
