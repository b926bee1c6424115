namespace Tenancy.Generators.Model;

/// <summary>The repository operation a method's name prefix selects.</summary>
internal enum MethodKind
{
    Get,
    Create,
    Upsert,
    Update,
    Delete,
    Query,
    BatchGet,
}
