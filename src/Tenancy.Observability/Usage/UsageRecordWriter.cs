using System.Globalization;

namespace Tenancy.Observability.Usage;

/// <summary>
/// Writes usage records as single JSON lines on stdout, beside (not through) the logger: a log level or sampling rule
/// must never drop a line that billing depends on.
/// </summary>
public sealed class UsageRecordWriter
{
    private readonly LineOutput _output;

    /// <summary>A writer to <paramref name="output"/>, or to the process's stdout when null.</summary>
    public UsageRecordWriter(TextWriter? output = null)
    {
        _output = LineOutput.For(output);
    }

    /// <summary>Writes <paramref name="record"/> as one line.</summary>
    public void Write(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = JsonLineBuffer.Rent();
        var json = buffer.Writer;
        json.WriteStartObject();
        json.WriteNumber(UsageRecordSchema.Marker, UsageRecordSchema.Version);
        json.WriteString(UsageRecordSchema.Timestamp, record.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString(UsageRecordSchema.TenantId, record.TenantId);
        json.WriteString(UsageRecordSchema.Tier, record.Tier);
        if (record.Service is not null)
        {
            json.WriteString(UsageRecordSchema.Service, record.Service);
        }

        json.WriteString(UsageRecordSchema.Operation, record.Operation);
        json.WriteNumber(UsageRecordSchema.Status, record.Status);
        json.WriteNumber(UsageRecordSchema.Requests, record.Requests);
        json.WriteNumber(UsageRecordSchema.ItemsRead, record.ItemsRead);
        json.WriteNumber(UsageRecordSchema.ItemsWritten, record.ItemsWritten);
        json.WriteNumber(UsageRecordSchema.BytesIn, record.BytesIn);
        json.WriteNumber(UsageRecordSchema.BytesOut, record.BytesOut);
        json.WriteNumber(UsageRecordSchema.DurationMs, Math.Round(record.DurationMs, 3));
        json.WriteNumber(UsageRecordSchema.ComputeMs, record.ComputeMs);
        json.WriteEndObject();
        buffer.Complete();
        _output.WriteLine(buffer.Line);
    }
}
