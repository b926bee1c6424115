using System.Diagnostics.CodeAnalysis;

namespace Tenancy.Isolation;

/// <summary>
/// The only way a tenant identifier enters the system: 3–32 characters of <c>[a-z0-9-]</c>, starting and ending
/// alphanumeric. That alphabet is safe inside DynamoDB keys, S3 prefixes, table names, KMS aliases, ARNs and STS
/// session tags, so a valid <see cref="TenantId"/> can never break out of the segment it is placed in.
/// </summary>
public readonly struct TenantId : IEquatable<TenantId>, ISpanParsable<TenantId>
{
    /// <summary>Shortest valid tenant id.</summary>
    public const int MinLength = 3;
    /// <summary>Longest valid tenant id, so it fits in key prefixes and STS session names.</summary>
    public const int MaxLength = 32;

    private readonly string? _value;

    private TenantId(string value) => _value = value;

    /// <summary>The identifier; throws for <c>default(TenantId)</c> so an unset tenant can never be used.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The TenantId is uninitialised (default). A tenant must be parsed from a verified source.");

    /// <summary>True for <c>default(TenantId)</c>, which is never a valid tenant.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses a tenant id; throws <see cref="InvalidTenantIdException"/> when it is not valid.</summary>
    public static TenantId Parse(string value) => Parse(value, provider: null);

    /// <inheritdoc/>
    public static TenantId Parse(string value, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var id, out var error) ? id : throw new InvalidTenantIdException(error);
    }

    /// <inheritdoc/>
    public static TenantId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    /// <summary>Parses a tenant id; false when it is not valid.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out TenantId result) => TryParse(value, out result, out _);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TenantId result) => TryParse(s, out result, out _);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TenantId result) => TryParse(s.ToString(), out result, out _);

    /// <summary>Parses <paramref name="value"/>; on failure <paramref name="error"/> says precisely what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out TenantId result, out string error)
    {
        result = default;
        error = Validate(value);
        if (error.Length != 0)
        {
            return false;
        }

        result = new TenantId(value!);
        return true;
    }

    private static string Validate(string? value)
    {
        if (value is null)
        {
            return "A tenant id is required.";
        }

        if (value.Length is < MinLength or > MaxLength)
        {
            return $"A tenant id must be {MinLength} to {MaxLength} characters long; got {value.Length}.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!IsAllowed(c))
            {
                return $"A tenant id may contain only lowercase ASCII letters, digits and '-'; character {i} ({Describe(c)}) is not allowed.";
            }
        }

        if (value[0] == '-' || value[^1] == '-')
        {
            return "A tenant id must start and end with a lowercase letter or digit.";
        }

        return string.Empty;
    }

    private static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';

    private static string Describe(char c) => char.IsControl(c) || char.IsWhiteSpace(c) || c > '~'
        ? $"U+{(int)c:X4}"
        : $"'{c}'";

    /// <inheritdoc/>
    public bool Equals(TenantId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TenantId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The id's text; empty for <c>default</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Whether both ids have the same text (ordinal).</summary>
    public static bool operator ==(TenantId left, TenantId right) => left.Equals(right);

    /// <summary>Whether the ids' text differs (ordinal).</summary>
    public static bool operator !=(TenantId left, TenantId right) => !left.Equals(right);
}
