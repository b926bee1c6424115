namespace Tenancy.Isolation.Repositories;

/// <summary>Marks the <c>long</c> property used for optimistic concurrency by <c>Update…</c> methods.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ConcurrencyVersionAttribute : Attribute
{
}
