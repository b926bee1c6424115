using System.Globalization;

namespace Tenancy.Observability.Metrics;

/// <summary>
/// The validation rules of the EMF specification and the CloudWatch API, each failing with a message that names
/// the offending member and the rule. Applied when a value is added, so a bad call fails where it is made.
/// </summary>
internal static class EmfRules
{
    // CloudWatch accepts values of magnitude 8.515920e-109 to 1.174271e+108, or exactly zero.
    private const double MinMagnitude = 8.515920e-109;
    private const double MaxMagnitude = 1.174271e+108;

    public static void Namespace(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new EmfValidationException(
                "A metrics namespace is required: set EmfMetricsOptions.Namespace, call SetNamespace or set POWERTOOLS_METRICS_NAMESPACE.",
                "namespace");
        }

        if (value.Length > EmfLimits.MaxNameLength)
        {
            throw new EmfValidationException(
                Invariant($"Namespace '{Shorten(value)}' is {value.Length} characters long; EMF allows at most {EmfLimits.MaxNameLength}."),
                "namespace");
        }

        foreach (var character in value)
        {
            if (!(char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '#' or ':' or '/' or '-'))
            {
                throw new EmfValidationException(
                    Invariant($"Namespace '{value}' contains '{Describe(character)}'; a namespace may only contain ASCII letters, digits and . _ # : / -."),
                    "namespace");
            }
        }
    }

    public static void MetricName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new EmfValidationException("A metric name must not be null, empty or only whitespace.", "name");
        }

        if (name.Length > EmfLimits.MaxNameLength)
        {
            throw new EmfValidationException(
                Invariant($"Metric name '{Shorten(name)}' is {name.Length} characters long; EMF allows at most {EmfLimits.MaxNameLength}."),
                "name");
        }

        if (name == EmfLimits.MetadataMember)
        {
            throw new EmfValidationException("A metric cannot be named '_aws': that root member is reserved for EMF metadata.", "name");
        }

        foreach (var character in name)
        {
            if (char.IsControl(character))
            {
                throw new EmfValidationException(Invariant($"Metric name '{Shorten(name)}' contains the control character {Describe(character)}."), "name");
            }
        }
    }

    public static void MetricValue(string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new EmfValidationException(Invariant($"Metric '{name}' got value {value}; EMF metric values must be finite numbers."), "value");
        }

        var magnitude = Math.Abs(value);
        if (magnitude is not 0 and (< MinMagnitude or > MaxMagnitude))
        {
            throw new EmfValidationException(
                Invariant($"Metric '{name}' got value {value}; CloudWatch accepts 0 or magnitudes from {MinMagnitude} to {MaxMagnitude}."),
                "value");
        }
    }

    public static void Unit(string name, MetricUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new EmfValidationException(Invariant($"Metric '{name}' has unit {(int)unit}, which is not a CloudWatch unit."), "unit");
        }
    }

    public static void Resolution(string name, MetricResolution resolution)
    {
        if (resolution is not (MetricResolution.Default or MetricResolution.High or MetricResolution.Standard))
        {
            throw new EmfValidationException(
                Invariant($"Metric '{name}' has StorageResolution {(int)resolution}; EMF allows only 1 (high resolution) or 60 (standard)."),
                "resolution");
        }
    }

    public static void DimensionName(string? name)
    {
        if (name is null || name.Length == 0 || string.IsNullOrWhiteSpace(name))
        {
            throw new EmfValidationException("A dimension name must contain at least one non-whitespace character.", "key");
        }

        if (name.Length > EmfLimits.MaxDimensionNameLength)
        {
            throw new EmfValidationException(
                Invariant($"Dimension name '{Shorten(name)}' is {name.Length} characters long; CloudWatch allows at most {EmfLimits.MaxDimensionNameLength}."),
                "key");
        }

        if (name[0] == ':')
        {
            throw new EmfValidationException(Invariant($"Dimension name '{name}' starts with ':', which CloudWatch does not allow."), "key");
        }

        if (name == EmfLimits.MetadataMember)
        {
            throw new EmfValidationException("A dimension cannot be named '_aws': that root member is reserved for EMF metadata.", "key");
        }

        RequireAscii("Dimension name", name, "key");
    }

    public static void DimensionValue(string name, string? value)
    {
        if (value is null || string.IsNullOrWhiteSpace(value))
        {
            throw new EmfValidationException(Invariant($"Dimension '{name}' needs a value with at least one non-whitespace character."), "value");
        }

        if (value.Length > EmfLimits.MaxDimensionValueLength)
        {
            throw new EmfValidationException(
                Invariant($"The value of dimension '{name}' is {value.Length} characters long; CloudWatch allows at most {EmfLimits.MaxDimensionValueLength}."),
                "value");
        }

        RequireAscii(Invariant($"The value of dimension '{name}'"), value, "value");
    }

    public static void MetadataKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new EmfValidationException("A metadata key must not be null, empty or only whitespace.", "key");
        }

        if (key == EmfLimits.MetadataMember)
        {
            throw new EmfValidationException("Metadata cannot use the key '_aws': that root member is reserved for EMF metadata.", "key");
        }
    }

    private static void RequireAscii(string what, string text, string parameter)
    {
        foreach (var character in text)
        {
            if (!char.IsAscii(character) || char.IsControl(character))
            {
                throw new EmfValidationException(Invariant($"{what} '{Shorten(text)}' contains {Describe(character)}; CloudWatch dimensions must be printable ASCII."), parameter);
            }
        }
    }

    private static string Describe(char character) => Invariant($"U+{(int)character:X4}");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
