using System.Globalization;
using System.Text;
using System.Text.Json;
using Tenancy.Isolation;

namespace Tenancy.Observability.Usage;

/// <summary>
/// Reads the lines <see cref="UsageRecordWriter"/> writes, as they arrive in CloudWatch Logs (trailing newline and
/// all). Strict: every field is checked, so a forged or truncated line is <see cref="UsageLineKind.Malformed"/>, never
/// a half-counted record.
/// </summary>
public static class UsageRecordParser
{
    private static readonly byte[] MarkerProperty = Encoding.UTF8.GetBytes("\"" + UsageRecordSchema.Marker + "\"");

    /// <summary>Classifies <paramref name="message"/> and reads it when it is a usage record.</summary>
    public static UsageLine Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Contains(UsageRecordSchema.Marker, StringComparison.Ordinal))
        {
            return UsageLine.NotUsage;
        }

        var utf8 = Encoding.UTF8.GetBytes(message.Trim());
        if (utf8.AsSpan().IndexOf(MarkerProperty) < 0)
        {
            return UsageLine.NotUsage;
        }

        try
        {
            return Read(utf8);
        }
        catch (JsonException exception)
        {
            return UsageLine.Malformed($"not valid JSON: {exception.Message}");
        }
    }

    private static UsageLine Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return UsageLine.Malformed("not a JSON object");
        }

        var fields = new UsageFields();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!seen.Add(name))
            {
                return UsageLine.Malformed($"field '{name}' appears twice");
            }

            reader.Read();
            if (fields.Accept(name, ref reader) is { } problem)
            {
                return UsageLine.Malformed(problem);
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return UsageLine.Malformed("trailing content after the record");
        }

        return fields.Build();
    }

    private sealed class UsageFields
    {
        private int? _version;
        private DateTimeOffset? _timestamp;
        private string? _tenantId;
        private string? _tier;
        private string? _service;
        private string? _operation;
        private int _status;
        private long? _requests;
        private long _itemsRead;
        private long _itemsWritten;
        private long _bytesIn;
        private long _bytesOut;
        private double _durationMs;
        private long _computeMs;

        public string? Accept(string name, ref Utf8JsonReader reader)
        {
            switch (name)
            {
                case UsageRecordSchema.Marker:
                    _version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) ? version : -1;
                    return null;
                case UsageRecordSchema.Timestamp:
                    if (reader.TokenType != JsonTokenType.String
                        || !DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
                    {
                        return "timestamp is not an ISO-8601 time";
                    }

                    _timestamp = timestamp;
                    return null;
                case UsageRecordSchema.TenantId:
                    _tenantId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return _tenantId is not null && TenantId.TryParse(_tenantId, out _) ? null : "tenant_id is not a valid tenant id";
                case UsageRecordSchema.Tier:
                    _tier = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return string.IsNullOrWhiteSpace(_tier) ? "tier is missing" : null;
                case UsageRecordSchema.Service:
                    _service = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return null;
                case UsageRecordSchema.Operation:
                    _operation = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return string.IsNullOrWhiteSpace(_operation) ? "operation is missing" : null;
                case UsageRecordSchema.Status:
                    return TryCount(ref reader, out var status) && status <= 999 ? Assign(out _status, (int)status) : $"{name} is not a status code";
                case UsageRecordSchema.Requests:
                    if (!TryCount(ref reader, out var requests) || requests == 0)
                    {
                        return "requests must be a positive integer";
                    }

                    _requests = requests;
                    return null;
                case UsageRecordSchema.ItemsRead:
                    return TryCount(ref reader, out _itemsRead) ? null : $"{name} must be a non-negative integer";
                case UsageRecordSchema.ItemsWritten:
                    return TryCount(ref reader, out _itemsWritten) ? null : $"{name} must be a non-negative integer";
                case UsageRecordSchema.BytesIn:
                    return TryCount(ref reader, out _bytesIn) ? null : $"{name} must be a non-negative integer";
                case UsageRecordSchema.BytesOut:
                    return TryCount(ref reader, out _bytesOut) ? null : $"{name} must be a non-negative integer";
                case UsageRecordSchema.DurationMs:
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out _durationMs) || _durationMs < 0 || !double.IsFinite(_durationMs))
                    {
                        return "duration_ms must be a non-negative number";
                    }

                    return null;
                case UsageRecordSchema.ComputeMs:
                    return TryCount(ref reader, out _computeMs) ? null : $"{name} must be a non-negative integer";
                default:
                    // Unknown fields of the same version are tolerated so a writer can add context without breaking readers.
                    reader.Skip();
                    return null;
            }
        }

        public UsageLine Build()
        {
            if (_version != UsageRecordSchema.Version)
            {
                return UsageLine.Malformed($"unsupported usage schema version (this reader knows {UsageRecordSchema.Version})");
            }

            if (_timestamp is null || _tenantId is null || _tier is null || _operation is null || _requests is null)
            {
                return UsageLine.Malformed("a required field (timestamp, tenant_id, tier, operation, requests) is missing");
            }

            return new UsageLine(UsageLineKind.Usage, new UsageRecord
            {
                Timestamp = _timestamp.Value,
                TenantId = _tenantId,
                Tier = _tier,
                Service = _service,
                Operation = _operation,
                Status = _status,
                Requests = _requests.Value,
                ItemsRead = _itemsRead,
                ItemsWritten = _itemsWritten,
                BytesIn = _bytesIn,
                BytesOut = _bytesOut,
                DurationMs = _durationMs,
                ComputeMs = _computeMs,
            }, null);
        }

        private static string? Assign(out int field, int value)
        {
            field = value;
            return null;
        }

        private static bool TryCount(ref Utf8JsonReader reader, out long value)
        {
            value = 0;
            return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value) && value >= 0;
        }
    }
}
