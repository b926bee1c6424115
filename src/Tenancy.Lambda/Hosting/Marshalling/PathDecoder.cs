using System.Text;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>
/// Turns an API Gateway path into <c>Request.Path</c> the way Kestrel would: percent-escapes decoded as UTF-8, except
/// <c>%2F</c>, which stays escaped so an encoded slash never becomes a segment separator; <c>+</c> is a literal plus.
/// </summary>
internal static class PathDecoder
{
    public static string Decode(string path)
    {
        if (!path.Contains('%', StringComparison.Ordinal))
        {
            return path;
        }

        var bytes = new List<byte>(path.Length);
        var result = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length && TryHex(path[i + 1], path[i + 2], out var value))
            {
                if (value == (byte)'/')
                {
                    FlushBytes(bytes, result);
                    result.Append("%2F");
                }
                else
                {
                    bytes.Add(value);
                }

                i += 2;
                continue;
            }

            FlushBytes(bytes, result);
            result.Append(path[i]);
        }

        FlushBytes(bytes, result);
        return result.ToString();
    }

    private static void FlushBytes(List<byte> bytes, StringBuilder result)
    {
        if (bytes.Count > 0)
        {
            result.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            bytes.Clear();
        }
    }

    private static bool TryHex(char high, char low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
