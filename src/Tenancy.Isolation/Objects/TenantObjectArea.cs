namespace Tenancy.Isolation.Objects;

/// <summary>
/// Where in a tenant's prefix a group of objects lives, e.g. <c>orders/&lt;id&gt;/attachments</c>: 1–8 segments of
/// 1–64 characters <c>[a-z0-9-]</c> joined by <c>/</c>. Nothing in it can name another tenant's prefix or climb out.
/// </summary>
public sealed class TenantObjectArea : IEquatable<TenantObjectArea>
{
    private const int MaxSegments = 8;
    private const int MaxSegmentLength = 64;

    private TenantObjectArea(string value)
    {
        Value = value;
    }

    /// <summary>The area path, without leading or trailing <c>/</c>.</summary>
    public string Value { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="InvalidObjectNameException"/> when it is not a valid area.</summary>
    public static TenantObjectArea Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = text.Split('/');
        if (segments.Length > MaxSegments || segments.Any(s => s.Length is 0 or > MaxSegmentLength || !s.All(IsAllowed)))
        {
            throw new InvalidObjectNameException($"An object area is 1 to {MaxSegments} segments of 1 to {MaxSegmentLength} characters [a-z0-9-].");
        }

        return new TenantObjectArea(text);
    }

    private static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';

    /// <inheritdoc />
    public bool Equals(TenantObjectArea? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TenantObjectArea);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The area path.</summary>
    public override string ToString() => Value;
}
