using System.Globalization;

namespace Tenancy.Observability.Metrics;

/// <summary>
/// Serialises buffered metrics as Embedded Metric Format documents, one JSON line each, splitting so that no
/// document has more than 100 metric definitions and no metric more than 100 values. All documents of a flush are
/// built and checked before the first is written, so a flush writes either valid documents or nothing.
/// </summary>
internal static class EmfDocumentWriter
{
    public static List<byte[]> Build(
        string metricNamespace,
        long timestampMs,
        IReadOnlyList<KeyValuePair<string, string>> dimensions,
        IReadOnlyList<MetricBucket> metrics,
        IReadOnlyList<KeyValuePair<string, object?>> metadata)
    {
        var documents = new List<byte[]>();
        var offsets = new int[metrics.Count];
        var chunk = new List<int>(EmfLimits.MaxMetricsPerDocument);
        while (true)
        {
            chunk.Clear();
            for (var i = 0; i < metrics.Count && chunk.Count < EmfLimits.MaxMetricsPerDocument; i++)
            {
                if (offsets[i] < metrics[i].Values.Count)
                {
                    chunk.Add(i);
                }
            }

            if (chunk.Count == 0)
            {
                return documents;
            }

            documents.Add(BuildOne(metricNamespace, timestampMs, dimensions, metrics, metadata, chunk, offsets));
        }
    }

    private static byte[] BuildOne(
        string metricNamespace,
        long timestampMs,
        IReadOnlyList<KeyValuePair<string, string>> dimensions,
        IReadOnlyList<MetricBucket> metrics,
        IReadOnlyList<KeyValuePair<string, object?>> metadata,
        List<int> chunk,
        int[] offsets)
    {
        using var buffer = JsonLineBuffer.Rent();
        var writer = buffer.Writer;
        writer.WriteStartObject();
        writer.WriteStartObject(EmfLimits.MetadataMember);
        writer.WriteNumber("Timestamp", timestampMs);
        writer.WriteStartArray("CloudWatchMetrics");
        writer.WriteStartObject();
        writer.WriteString("Namespace", metricNamespace);
        writer.WriteStartArray("Dimensions");
        writer.WriteStartArray();
        foreach (var dimension in dimensions)
        {
            writer.WriteStringValue(dimension.Key);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("Metrics");
        foreach (var index in chunk)
        {
            var metric = metrics[index];
            writer.WriteStartObject();
            writer.WriteString("Name", metric.Name);
            writer.WriteString("Unit", MetricUnitNames.ToEmfName(metric.Unit));
            if (metric.Resolution != MetricResolution.Default)
            {
                writer.WriteNumber("StorageResolution", (int)metric.Resolution);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();

        var rootMembers = new HashSet<string>(StringComparer.Ordinal) { EmfLimits.MetadataMember };
        foreach (var dimension in dimensions)
        {
            rootMembers.Add(dimension.Key);
            writer.WriteString(dimension.Key, dimension.Value);
        }

        foreach (var index in chunk)
        {
            var metric = metrics[index];
            rootMembers.Add(metric.Name);
            var start = offsets[index];
            var count = Math.Min(EmfLimits.MaxValuesPerMetric, metric.Values.Count - start);
            offsets[index] = start + count;
            writer.WritePropertyName(metric.Name);
            if (count == 1)
            {
                writer.WriteNumberValue(metric.Values[start]);
            }
            else
            {
                writer.WriteStartArray();
                for (var i = start; i < start + count; i++)
                {
                    writer.WriteNumberValue(metric.Values[i]);
                }

                writer.WriteEndArray();
            }
        }

        foreach (var pair in metadata)
        {
            // Metadata never overwrites a dimension or metric member (Powertools ignores such keys too).
            if (rootMembers.Add(pair.Key))
            {
                JsonValueWriter.WriteProperty(writer, pair.Key, pair.Value);
            }
        }

        writer.WriteEndObject();
        buffer.Complete();
        if (buffer.Line.Length > EmfLimits.MaxDocumentBytes)
        {
            throw new EmfValidationException(string.Create(
                CultureInfo.InvariantCulture,
                $"An EMF document would be {buffer.Line.Length} bytes; a CloudWatch log event holds at most {EmfLimits.MaxDocumentBytes}. Reduce metadata or metric names."));
        }

        return buffer.Line.ToArray();
    }

    /// <summary>Milliseconds since the Unix epoch, the EMF timestamp.</summary>
    public static long ToEpochMilliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();
}
