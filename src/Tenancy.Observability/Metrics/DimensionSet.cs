namespace Tenancy.Observability.Metrics;

/// <summary>An ordered set of dimension name/value pairs in which a later value for the same name replaces the earlier one.</summary>
internal sealed class DimensionSet
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public int Count => _pairs.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public bool Contains(string name) => IndexOf(name) >= 0;

    public void Set(string name, string value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            _pairs[index] = new KeyValuePair<string, string>(name, value);
        }
        else
        {
            _pairs.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    public void SetAll(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        foreach (var pair in pairs)
        {
            Set(pair.Key, pair.Value);
        }
    }

    public void Clear() => _pairs.Clear();

    private int IndexOf(string name) => _pairs.FindIndex(pair => string.Equals(pair.Key, name, StringComparison.Ordinal));
}
