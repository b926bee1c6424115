using System.IO.Compression;
using System.Text.Json;

namespace Tenancy.ControlPlane.Metering;

/// <summary>Turns a subscription delivery into its payload: base64, then gzip, then JSON.</summary>
public static class LogsSubscriptionDecoder
{
    // A delivery is at most 1 MB compressed by CloudWatch; a ratio bound keeps a crafted gzip from exhausting memory.
    private const int MaxDecompressedBytes = 64 * 1024 * 1024;

    public static LogsSubscriptionPayload Decode(LogsSubscriptionEvent delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var data = delivery.Awslogs?.Data;
        if (string.IsNullOrEmpty(data))
        {
            throw new MalformedSubscriptionEventException("The event has no awslogs.data.");
        }

        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(data);
        }
        catch (FormatException exception)
        {
            throw new MalformedSubscriptionEventException("awslogs.data is not base64.", exception);
        }

        var json = Decompress(compressed);
        try
        {
            return JsonSerializer.Deserialize(json, MeteringJsonContext.Default.LogsSubscriptionPayload)
                ?? throw new MalformedSubscriptionEventException("awslogs.data decodes to JSON null.");
        }
        catch (JsonException exception)
        {
            throw new MalformedSubscriptionEventException("awslogs.data is not a subscription payload.", exception);
        }
    }

    private static byte[] Decompress(byte[] compressed)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxDecompressedBytes)
                {
                    throw new MalformedSubscriptionEventException("awslogs.data decompresses beyond the size a delivery can have.");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException exception)
        {
            throw new MalformedSubscriptionEventException("awslogs.data is not gzip.", exception);
        }
    }
}
