namespace Tenancy.Observability.Metrics;

/// <summary>The exact unit strings CloudWatch accepts.</summary>
public static class MetricUnitNames
{
    /// <summary>Every unit string CloudWatch accepts, for validation.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<MetricUnit>().Select(ToEmfName).ToArray();

    /// <summary>The EMF/CloudWatch name of <paramref name="unit"/> (for example <c>Bytes/Second</c>).</summary>
    /// <exception cref="EmfValidationException">The value is not a defined <see cref="MetricUnit"/>.</exception>
    public static string ToEmfName(MetricUnit unit) => unit switch
    {
        MetricUnit.None => "None",
        MetricUnit.Seconds => "Seconds",
        MetricUnit.Microseconds => "Microseconds",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Bytes => "Bytes",
        MetricUnit.Kilobytes => "Kilobytes",
        MetricUnit.Megabytes => "Megabytes",
        MetricUnit.Gigabytes => "Gigabytes",
        MetricUnit.Terabytes => "Terabytes",
        MetricUnit.Bits => "Bits",
        MetricUnit.Kilobits => "Kilobits",
        MetricUnit.Megabits => "Megabits",
        MetricUnit.Gigabits => "Gigabits",
        MetricUnit.Terabits => "Terabits",
        MetricUnit.Percent => "Percent",
        MetricUnit.Count => "Count",
        MetricUnit.BytesPerSecond => "Bytes/Second",
        MetricUnit.KilobytesPerSecond => "Kilobytes/Second",
        MetricUnit.MegabytesPerSecond => "Megabytes/Second",
        MetricUnit.GigabytesPerSecond => "Gigabytes/Second",
        MetricUnit.TerabytesPerSecond => "Terabytes/Second",
        MetricUnit.BitsPerSecond => "Bits/Second",
        MetricUnit.KilobitsPerSecond => "Kilobits/Second",
        MetricUnit.MegabitsPerSecond => "Megabits/Second",
        MetricUnit.GigabitsPerSecond => "Gigabits/Second",
        MetricUnit.TerabitsPerSecond => "Terabits/Second",
        MetricUnit.CountPerSecond => "Count/Second",
        _ => throw new EmfValidationException(
            $"Metric unit {(int)unit} is not a CloudWatch unit; use one of the MetricUnit values.", "unit"),
    };
}
