namespace Tenancy.Declarations.Reading;

/// <summary>One <c>#</c>-delimited segment of a key template: literal text or a placeholder's property name.</summary>
internal readonly struct KeySegment
{
    public KeySegment(string value, bool isPlaceholder)
    {
        Value = value;
        IsPlaceholder = isPlaceholder;
    }

    public string Value { get; }

    public bool IsPlaceholder { get; }
}
