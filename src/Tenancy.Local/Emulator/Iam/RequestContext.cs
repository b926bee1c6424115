namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// The condition keys of one request (<c>aws:PrincipalTag/TenantID</c>, <c>dynamodb:LeadingKeys</c>,
/// <c>kms:EncryptionContext:tenant</c> …). Key names are case-insensitive, as in IAM; values are case-sensitive.
/// A key may have several values (LeadingKeys of a batch) or be absent (Scan has no LeadingKeys).
/// </summary>
public sealed class RequestContext
{
    private readonly Dictionary<string, List<string>> _keys = new(StringComparer.OrdinalIgnoreCase);

    public RequestContext Set(string key, string value)
    {
        _keys[key] = [value];
        return this;
    }

    public RequestContext Add(string key, string value)
    {
        if (!_keys.TryGetValue(key, out var values))
        {
            values = [];
            _keys[key] = values;
        }

        if (!values.Contains(value, StringComparer.Ordinal))
        {
            values.Add(value);
        }

        return this;
    }

    /// <summary>Declares a multi-valued key that is present with no values yet (so it is not treated as missing).</summary>
    public RequestContext Declare(string key)
    {
        if (!_keys.ContainsKey(key))
        {
            _keys[key] = [];
        }

        return this;
    }

    public IReadOnlyList<string>? Get(string key) => _keys.TryGetValue(key, out var values) ? values : null;

    public RequestContext Copy()
    {
        var copy = new RequestContext();
        foreach (var (key, values) in _keys)
        {
            copy._keys[key] = [.. values];
        }

        return copy;
    }
}
