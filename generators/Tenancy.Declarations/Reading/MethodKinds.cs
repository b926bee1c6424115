using Tenancy.Declarations.Model;

namespace Tenancy.Declarations.Reading;

/// <summary>The repository operation a method name's prefix selects (see TenantRepositoryAttribute).</summary>
internal static class MethodKinds
{
    /// <summary>Longest prefixes first so that <c>BatchGet…</c> is not read as <c>Get…</c>.</summary>
    private static readonly (string Prefix, MethodKind Kind)[] Prefixes =
    {
        ("BatchGet", MethodKind.BatchGet),
        ("Get", MethodKind.Get),
        ("Create", MethodKind.Create),
        ("Upsert", MethodKind.Upsert),
        ("Update", MethodKind.Update),
        ("Delete", MethodKind.Delete),
        ("Query", MethodKind.Query),
    };

    public static MethodKind? FromName(string name)
    {
        foreach (var (prefix, kind) in Prefixes)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
