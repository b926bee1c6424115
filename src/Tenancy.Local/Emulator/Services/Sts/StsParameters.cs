using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.Sts;

/// <summary>
/// The awsQuery parameters of an STS call (<c>Action=AssumeRole&amp;Tags.member.1.Key=…</c>) with the validation
/// AWS applies: session name and source identity syntax, duration bounds, tag count and syntax, duplicate and
/// reserved tag keys, transitive keys that must be among the tags, and the packed size of tags plus policy.
/// </summary>
public sealed partial class StsParameters
{
    public const int MaxTags = 50;
    public const int MaxSessionPolicyLength = 2048;

    // AWS packs session tags and policies into a compressed binary whose exact size is not documented; the local
    // cloud measures the uncompressed bytes against this budget so oversized requests fail here as they would there.
    private const int PackedBudgetBytes = 4096;

    private readonly Dictionary<string, StringValues> _values;

    public StsParameters(Dictionary<string, StringValues> values)
    {
        _values = values;
    }

    public string? this[string name] => _values.TryGetValue(name, out var v) ? v.ToString() : null;

    public string Required(string name) =>
        string.IsNullOrEmpty(this[name]) ? throw StsErrors.Validation($"1 validation error detected: Value null at '{Camel(name)}' failed to satisfy constraint: Member must not be null") : this[name]!;

    public string RoleArn()
    {
        var arn = Required("RoleArn");
        if (arn.Length is < 20 or > 2048)
        {
            throw StsErrors.Validation($"1 validation error detected: Value '{arn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20");
        }

        return arn;
    }

    public string RoleSessionName()
    {
        var name = Required("RoleSessionName");
        if (name.Length is < 2 or > 64 || !SessionNameSyntax().IsMatch(name))
        {
            throw StsErrors.Validation($"1 validation error detected: Value '{name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        return name;
    }

    public string? SourceIdentity()
    {
        var value = this["SourceIdentity"];
        if (value is null)
        {
            return null;
        }

        if (value.Length is < 2 or > 64 || !SessionNameSyntax().IsMatch(value))
        {
            throw StsErrors.Validation($"1 validation error detected: Value '{value}' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        if (value.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw StsErrors.InvalidParameter("SourceIdentity cannot start with the reserved prefix 'aws:'.");
        }

        return value;
    }

    public int DurationSeconds(int roleMaximum)
    {
        var text = this["DurationSeconds"];
        if (text is null)
        {
            return Math.Min(3600, roleMaximum);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 900)
        {
            throw StsErrors.Validation($"1 validation error detected: Value '{text}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
        }

        if (seconds > 43200)
        {
            throw StsErrors.Validation($"1 validation error detected: Value '{text}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200");
        }

        if (seconds > roleMaximum)
        {
            throw StsErrors.Validation($"The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        return seconds;
    }

    /// <summary>The session policy, if any (length-checked; parsed by the caller).</summary>
    public string? Policy()
    {
        var policy = this["Policy"];
        if (policy is { Length: > MaxSessionPolicyLength })
        {
            throw StsErrors.Validation($"1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to {MaxSessionPolicyLength}");
        }

        if (_values.Keys.Any(k => k.StartsWith("PolicyArns.", StringComparison.Ordinal)))
        {
            throw StsErrors.InvalidParameter("PolicyArns are not supported by the local cloud: it has no managed policies.");
        }

        return policy;
    }

    public IReadOnlyDictionary<string, string> Tags()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; ; i++)
        {
            var key = this[$"Tags.member.{i}.Key"];
            var value = this[$"Tags.member.{i}.Value"];
            if (key is null && value is null)
            {
                break;
            }

            if (i > MaxTags)
            {
                throw StsErrors.Validation($"1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to {MaxTags}");
            }

            if (key is null || key.Length is < 1 or > 128 || !TagSyntax().IsMatch(key))
            {
                throw StsErrors.Validation($"1 validation error detected: Value '{key}' at 'tags.{i}.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{{L}}\\p{{Z}}\\p{{N}}_.:/=+\\-@]+");
            }

            value ??= string.Empty;
            if (value.Length > 256 || (value.Length > 0 && !TagSyntax().IsMatch(value)))
            {
                throw StsErrors.Validation($"1 validation error detected: Value '{value}' at 'tags.{i}.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{{L}}\\p{{Z}}\\p{{N}}_.:/=+\\-@]*");
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw StsErrors.InvalidParameter("Tag keys beginning with 'aws:' are reserved for AWS use.");
            }

            if (!seen.Add(key))
            {
                throw StsErrors.InvalidParameter("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }

            tags[key] = value;
        }

        return tags;
    }

    public IReadOnlyList<string> TransitiveTagKeys(IReadOnlyDictionary<string, string> tags)
    {
        var keys = new List<string>();
        for (var i = 1; this[$"TransitiveTagKeys.member.{i}"] is { } key; i++)
        {
            if (!tags.ContainsKey(key))
            {
                throw StsErrors.InvalidParameter("The specified transitive tag key must be included in the requested tags.");
            }

            keys.Add(key);
        }

        return keys;
    }

    /// <summary>The packed size of tags and policy as the percentage AWS reports in <c>PackedPolicySize</c>; over 100 fails.</summary>
    public static int PackedPolicySize(IReadOnlyDictionary<string, string> tags, string? policy)
    {
        var bytes = tags.Sum(t => System.Text.Encoding.UTF8.GetByteCount(t.Key) + System.Text.Encoding.UTF8.GetByteCount(t.Value)) + (policy?.Length ?? 0);
        var percent = (int)Math.Ceiling(bytes * 100.0 / PackedBudgetBytes);
        if (percent > 100)
        {
            throw new AwsServiceException(400, "PackedPolicyTooLarge", $"Packed size of session tags and policy exceeds the limit by {percent - 100}%.");
        }

        return percent;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex SessionNameSyntax();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$")]
    private static partial Regex TagSyntax();
}
