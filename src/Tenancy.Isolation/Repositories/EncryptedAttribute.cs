namespace Tenancy.Isolation.Repositories;

/// <summary>
/// Stores a <c>string</c> or <c>byte[]</c> property envelope-encrypted under the tenant's KMS key, bound to the
/// tenant, table, item keys and attribute name. It cannot be part of a key template.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class EncryptedAttribute : Attribute
{
}
