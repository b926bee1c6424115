using System.Globalization;

namespace Tenancy.ControlPlane.Metering;

/// <summary>The metering functions' environment: the table (required) and the close grace (minutes, default 15).</summary>
public sealed record MeteringSettings(string TableName, TimeSpan CloseGrace)
{
    public const string TableNameVariable = "METERING_TABLE_NAME";
    public const string CloseGraceVariable = "METERING_CLOSE_GRACE_MINUTES";

    public static MeteringSettings FromEnvironment()
    {
        var table = Environment.GetEnvironmentVariable(TableNameVariable);
        if (string.IsNullOrWhiteSpace(table))
        {
            throw new InvalidOperationException($"{TableNameVariable} is not set.");
        }

        var graceText = Environment.GetEnvironmentVariable(CloseGraceVariable);
        var grace = 15;
        if (!string.IsNullOrEmpty(graceText) && (!int.TryParse(graceText, NumberStyles.None, CultureInfo.InvariantCulture, out grace) || grace > 24 * 60))
        {
            throw new InvalidOperationException($"{CloseGraceVariable} must be a whole number of minutes up to 1440.");
        }

        return new MeteringSettings(table, TimeSpan.FromMinutes(grace));
    }
}
