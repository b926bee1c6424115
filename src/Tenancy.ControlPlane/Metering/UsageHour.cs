using System.Globalization;

namespace Tenancy.ControlPlane.Metering;

/// <summary>The hour a usage record is counted in, written <c>yyyy-MM-ddTHH</c> (UTC) in keys and inputs.</summary>
public readonly record struct UsageHour(DateTimeOffset Start)
{
    private const string Format = "yyyy-MM-dd'T'HH";

    public static UsageHour Of(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new UsageHour(new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero));
    }

    public static bool TryParse(string? text, out UsageHour hour)
    {
        if (DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            hour = new UsageHour(start);
            return true;
        }

        hour = default;
        return false;
    }

    public DateTimeOffset End => Start.AddHours(1);

    public UsageHour Next => new(End);

    public override string ToString() => Start.ToString(Format, CultureInfo.InvariantCulture);
}
