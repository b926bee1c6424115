namespace Tenancy.Isolation.Repositories;

/// <summary>Excludes the property from the stored item.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NotStoredAttribute : Attribute
{
}
