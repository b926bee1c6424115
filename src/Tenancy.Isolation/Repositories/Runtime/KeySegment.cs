using System.ComponentModel;
using System.Globalization;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Turns one key placeholder value into a key segment, rejecting anything that could change the key's structure:
/// the delimiter <c>#</c>, control characters, empty or over-long values and unpaired surrogates. Because every
/// placeholder fills a whole <c>#</c>-delimited segment, a valid value can never forge another entity's or tenant's key.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KeySegment
{
    /// <summary>Longest accepted segment; DynamoDB keys are at most 2048 (partition) / 1024 (sort) bytes in total.</summary>
    public const int MaxLength = 256;

    /// <summary>Separates the parts of a composite key.</summary>
    public const char Delimiter = '#';

    /// <summary>The value as a key segment; throws <see cref="InvalidKeySegmentException"/> when it is empty or contains the delimiter.</summary>
    public static string Of(string? value, string name)
    {
        var error = Validate(value);
        if (error is not null)
        {
            throw new InvalidKeySegmentException($"Key value '{name}' {error}");
        }

        return value!;
    }

    /// <summary>A GUID key segment in <c>D</c> format.</summary>
    public static string Of(Guid value, string name) => Of(value.ToString("D"), name);

    /// <summary>An invariant integer key segment.</summary>
    public static string Of(int value, string name) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An invariant integer key segment.</summary>
    public static string Of(long value, string name) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>UTC with a fixed width, so segments sort chronologically.</summary>
    public static string Of(DateTimeOffset value, string name) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC date and time key segment with a fixed width, so segments sort chronologically.</summary>
    public static string Of(DateTime value, string name) =>
        value.Kind == DateTimeKind.Unspecified
            ? throw new InvalidKeySegmentException($"Key value '{name}' is a DateTime of unspecified kind; use UTC or DateTimeOffset.")
            : Of(new DateTimeOffset(value), name);

    /// <summary>Null when <paramref name="value"/> is a valid segment, else why not.</summary>
    public static string? Validate(string? value)
    {
        if (value is null)
        {
            return "is null.";
        }

        if (value.Length == 0)
        {
            return "is empty.";
        }

        if (value.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == Delimiter)
            {
                return "contains the key delimiter '#'.";
            }

            if (char.IsControl(c))
            {
                return $"contains the control character U+{(int)c:X4}.";
            }

            if (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])))
            {
                return "contains an unpaired surrogate.";
            }

            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1])))
            {
                return "contains an unpaired surrogate.";
            }
        }

        return null;
    }
}
