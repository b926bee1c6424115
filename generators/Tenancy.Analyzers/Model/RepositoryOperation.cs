namespace Tenancy.Analyzers.Model;

/// <summary>The repository operations, chosen by the method name's prefix (see TenantRepositoryAttribute).</summary>
internal enum RepositoryOperation
{
    Unknown,
    Get,
    Create,
    Upsert,
    Update,
    Delete,
    Query,
    BatchGet,
}

internal static class RepositoryOperations
{
    /// <summary>Longest prefixes first so that <c>BatchGet…</c> is not read as something else.</summary>
    private static readonly (string Prefix, RepositoryOperation Operation)[] Prefixes =
    {
        ("BatchGet", RepositoryOperation.BatchGet),
        ("Create", RepositoryOperation.Create),
        ("Upsert", RepositoryOperation.Upsert),
        ("Update", RepositoryOperation.Update),
        ("Delete", RepositoryOperation.Delete),
        ("Query", RepositoryOperation.Query),
        ("Get", RepositoryOperation.Get),
    };

    public static RepositoryOperation FromMethodName(string name)
    {
        foreach (var (prefix, operation) in Prefixes)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return operation;
            }
        }

        return RepositoryOperation.Unknown;
    }
}
