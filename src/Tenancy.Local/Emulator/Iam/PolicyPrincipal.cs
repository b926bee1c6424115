namespace Tenancy.Local.Emulator.Iam;

/// <summary>The <c>Principal</c> element of a trust policy: <c>"*"</c>, or values per type (<c>AWS</c>, <c>Service</c>, <c>Federated</c>).</summary>
public sealed record PolicyPrincipal(bool Everyone, IReadOnlyDictionary<string, IReadOnlyList<string>> ByType)
{
    public bool Matches(RequestPrincipal principal)
    {
        if (Everyone)
        {
            return true;
        }

        foreach (var (type, values) in ByType)
        {
            if (!principal.Identifiers.TryGetValue(type, out var identifiers))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value == "*" || identifiers.Contains(value, StringComparer.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
