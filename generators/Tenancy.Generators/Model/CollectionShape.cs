namespace Tenancy.Generators.Model;

/// <summary>Which concrete collection a stored list is read back into.</summary>
internal enum CollectionShape
{
    None,
    List,
    Array,
}
