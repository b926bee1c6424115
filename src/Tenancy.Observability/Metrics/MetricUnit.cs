namespace Tenancy.Observability.Metrics;

/// <summary>The CloudWatch metric units (the EMF <c>Unit</c> member), as in Powertools' <c>MetricUnit</c>.</summary>
public enum MetricUnit
{
    /// <summary>No unit.</summary>
    None,
    /// <summary>The CloudWatch unit <c>Seconds</c>.</summary>
    Seconds,
    /// <summary>The CloudWatch unit <c>Microseconds</c>.</summary>
    Microseconds,
    /// <summary>The CloudWatch unit <c>Milliseconds</c>.</summary>
    Milliseconds,
    /// <summary>The CloudWatch unit <c>Bytes</c>.</summary>
    Bytes,
    /// <summary>The CloudWatch unit <c>Kilobytes</c>.</summary>
    Kilobytes,
    /// <summary>The CloudWatch unit <c>Megabytes</c>.</summary>
    Megabytes,
    /// <summary>The CloudWatch unit <c>Gigabytes</c>.</summary>
    Gigabytes,
    /// <summary>The CloudWatch unit <c>Terabytes</c>.</summary>
    Terabytes,
    /// <summary>The CloudWatch unit <c>Bits</c>.</summary>
    Bits,
    /// <summary>The CloudWatch unit <c>Kilobits</c>.</summary>
    Kilobits,
    /// <summary>The CloudWatch unit <c>Megabits</c>.</summary>
    Megabits,
    /// <summary>The CloudWatch unit <c>Gigabits</c>.</summary>
    Gigabits,
    /// <summary>The CloudWatch unit <c>Terabits</c>.</summary>
    Terabits,
    /// <summary>The CloudWatch unit <c>/cent</c>.</summary>
    Percent,
    /// <summary>The CloudWatch unit <c>Count</c>.</summary>
    Count,
    /// <summary>The CloudWatch unit <c>Bytes/Second</c>.</summary>
    BytesPerSecond,
    /// <summary>The CloudWatch unit <c>Kilobytes/Second</c>.</summary>
    KilobytesPerSecond,
    /// <summary>The CloudWatch unit <c>Megabytes/Second</c>.</summary>
    MegabytesPerSecond,
    /// <summary>The CloudWatch unit <c>Gigabytes/Second</c>.</summary>
    GigabytesPerSecond,
    /// <summary>The CloudWatch unit <c>Terabytes/Second</c>.</summary>
    TerabytesPerSecond,
    /// <summary>The CloudWatch unit <c>Bits/Second</c>.</summary>
    BitsPerSecond,
    /// <summary>The CloudWatch unit <c>Kilobits/Second</c>.</summary>
    KilobitsPerSecond,
    /// <summary>The CloudWatch unit <c>Megabits/Second</c>.</summary>
    MegabitsPerSecond,
    /// <summary>The CloudWatch unit <c>Gigabits/Second</c>.</summary>
    GigabitsPerSecond,
    /// <summary>The CloudWatch unit <c>Terabits/Second</c>.</summary>
    TerabitsPerSecond,
    /// <summary>The CloudWatch unit <c>Count/Second</c>.</summary>
    CountPerSecond,
}
