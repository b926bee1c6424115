namespace Tenancy.Isolation.Repositories;

/// <summary>Stores the property under <see cref="Name"/> instead of its C# name.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class StoredNameAttribute : Attribute
{
    public StoredNameAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
