namespace Tenancy.Generators.Model;

/// <summary>How a property's value is stored.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Number,
    Guid,
    DateTime,
    DateTimeOffset,
    TimeSpan,
    DateOnly,
    TimeOnly,
    Bytes,
    Enum,
    List,
    Set,
    Dictionary,
    Object,
}
