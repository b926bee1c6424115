namespace Tenancy.Local.Gateway;

/// <summary>
/// API Gateway's quota periods (UTC, offset 0): a DAY starts at midnight, a WEEK on Sunday, a MONTH on the 1st.
/// </summary>
public static class QuotaPeriod
{
    /// <summary>The first day of the period <paramref name="now"/> falls in; a period API Gateway does not know is refused.</summary>
    public static DateOnly StartOf(string? period, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return (period ?? "DAY") switch
        {
            "DAY" => today,
            "WEEK" => today.AddDays(-(int)today.DayOfWeek),
            "MONTH" => new DateOnly(today.Year, today.Month, 1),
            _ => throw new ArgumentException($"Unknown quota period '{period}' (API Gateway knows DAY, WEEK and MONTH).", nameof(period)),
        };
    }
}
