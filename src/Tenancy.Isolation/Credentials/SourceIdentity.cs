namespace Tenancy.Isolation.Credentials;

/// <summary>
/// The STS <c>SourceIdentity</c> for a requestor: 2–64 characters of <c>[\w+=,.@-]</c>, not starting with
/// <c>aws:</c>. Surrounding whitespace is trimmed; anything else that does not fit is refused rather than rewritten,
/// because a mangled identity would name the wrong user in the audit trail (and cannot be changed later in the
/// session chain).
/// </summary>
public static class SourceIdentity
{
    /// <summary>Shortest source identity STS accepts.</summary>
    public const int MinLength = 2;
    /// <summary>Longest source identity STS accepts.</summary>
    public const int MaxLength = 64;

    /// <summary>Turns a user id into an STS source identity; false, with the reason in <paramref name="error"/>, when it can't be one.</summary>
    public static bool TryCreate(string? userId, out string sourceIdentity, out string error)
    {
        sourceIdentity = string.Empty;
        var value = userId?.Trim() ?? string.Empty;
        if (value.Length is < MinLength or > MaxLength)
        {
            error = $"a source identity must be {MinLength} to {MaxLength} characters long";
            return false;
        }

        if (!StsNames.AllAllowed(value))
        {
            error = "a source identity may contain only letters, digits and _+=,.@-";
            return false;
        }

        if (value.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            error = "a source identity must not start with 'aws:'";
            return false;
        }

        sourceIdentity = value;
        error = string.Empty;
        return true;
    }
}
