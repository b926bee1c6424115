namespace Tenancy.Isolation.Repositories;

/// <summary>Stores the property under <see cref="Name"/> instead of its C# name.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class StoredNameAttribute : Attribute
{
    /// <summary>Stores the property under <paramref name="name"/> instead of its C# name.</summary>
    public StoredNameAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The attribute name in DynamoDB.</summary>
    public string Name { get; }
}
