using System.Globalization;
using System.Text;

namespace Tenancy.Isolation.Objects;

/// <summary>
/// A validated object name: one segment of an object key, Unicode-normalised (NFC) where the runtime can, and free of
/// combining marks, so one visible name has one spelling; 1–255 characters and at most 512 UTF-8 bytes, with no <c>/</c> or <c>\</c>, no dot segment
/// or <c>..</c>, no leading or trailing white space, and no control, format (invisible), surrogate or private-use
/// character. It therefore cannot leave the area it is stored in.
/// </summary>
public sealed class TenantObjectName : IEquatable<TenantObjectName>
{
    /// <summary>The most characters a name may have.</summary>
    public const int MaxLength = 255;

    /// <summary>The most UTF-8 bytes a name may have (S3 keys are limited to 1024 bytes in all).</summary>
    public const int MaxBytes = 512;

    private TenantObjectName(string value)
    {
        Value = value;
    }

    /// <summary>The normalised name.</summary>
    public string Value { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="InvalidObjectNameException"/> saying why when it is refused.</summary>
    public static TenantObjectName Parse(string? text) =>
        TryParse(text, out var name, out var reason) ? name : throw new InvalidObjectNameException(reason);

    /// <summary>Parses <paramref name="text"/>; false with the reason when it is refused.</summary>
    public static bool TryParse(string? text, out TenantObjectName name, out string reason)
    {
        name = null!;
        if (string.IsNullOrEmpty(text))
        {
            reason = "An object name is required.";
            return false;
        }

        if (text.Length > MaxLength * 2)
        {
            reason = $"An object name has at most {MaxLength} characters.";
            return false;
        }

        string normalized;
        try
        {
            normalized = text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            reason = "An object name must be valid Unicode.";
            return false;
        }

        reason = Refusal(normalized) ?? string.Empty;
        if (reason.Length > 0)
        {
            return false;
        }

        name = new TenantObjectName(normalized);
        return true;
    }

    private static string? Refusal(string value)
    {
        if (value.Length > MaxLength || Encoding.UTF8.GetByteCount(value) > MaxBytes)
        {
            return $"An object name has at most {MaxLength} characters and {MaxBytes} UTF-8 bytes.";
        }

        if (value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
        {
            return "An object name cannot contain '/' or '\\'.";
        }

        if (value.Contains("..", StringComparison.Ordinal) || value == ".")
        {
            return "An object name cannot be '.' or contain '..'.";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "An object name cannot start or end with white space.";
        }

        foreach (var c in value)
        {
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                    return "An object name cannot contain control, invisible or unassigned characters.";

                // Combining marks make several spellings of one visible name; without ICU (invariant globalization)
                // normalisation cannot merge them, so they are refused rather than stored as look-alikes.
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    return "An object name cannot contain combining marks; use precomposed characters.";
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(TenantObjectName? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TenantObjectName);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The name.</summary>
    public override string ToString() => Value;
}
