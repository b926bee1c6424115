using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>
/// ListObjectsV2: keys under a prefix in key order, rolled up into common prefixes at the delimiter, at most
/// <c>max-keys</c> entries (keys plus prefixes) per page, continuing after an opaque token, keys URL-encoded when
/// <c>encoding-type=url</c> is asked for (as the aws CLI does).
/// </summary>
public static class S3ObjectListing
{
    public const int MaxKeys = 1000;

    public static XElement ListV2(S3Bucket bucket, IQueryCollection query)
    {
        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString();
        var maxKeys = MaxKeysOf(query);
        var urlEncoded = string.Equals(query["encoding-type"].ToString(), "url", StringComparison.Ordinal);
        var token = query["continuation-token"].ToString();
        var startAfter = query["start-after"].ToString();
        var after = token.Length > 0 ? DecodeToken(token) : startAfter.Length > 0 ? startAfter : null;

        var contents = new List<S3StoredObject>();
        var commonPrefixes = new List<string>();
        string? lastProcessed = null;
        var truncated = false;
        foreach (var stored in bucket.After(prefix, after))
        {
            var rolledUp = RollUp(stored.Key, prefix, delimiter);
            if (rolledUp is not null && commonPrefixes.Count > 0 && commonPrefixes[^1] == rolledUp)
            {
                lastProcessed = stored.Key;
                continue;
            }

            if (contents.Count + commonPrefixes.Count == maxKeys)
            {
                truncated = true;
                break;
            }

            if (rolledUp is not null)
            {
                commonPrefixes.Add(rolledUp);
            }
            else
            {
                contents.Add(stored);
            }

            lastProcessed = stored.Key;
        }

        string Encode(string value) => urlEncoded ? SigV4Encoding.UriEncode(value).Replace("%2F", "/", StringComparison.Ordinal) : value;

        var result = new XElement(
            S3XmlResponse.Namespace + "ListBucketResult",
            S3XmlResponse.Element("Name", bucket.Name),
            S3XmlResponse.Element("Prefix", Encode(prefix)),
            S3XmlResponse.Element("KeyCount", (contents.Count + commonPrefixes.Count).ToString(CultureInfo.InvariantCulture)),
            S3XmlResponse.Element("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture)),
            S3XmlResponse.Element("IsTruncated", truncated ? "true" : "false"));
        if (delimiter.Length > 0)
        {
            result.Add(S3XmlResponse.Element("Delimiter", Encode(delimiter)));
        }

        if (urlEncoded)
        {
            result.Add(S3XmlResponse.Element("EncodingType", "url"));
        }

        if (token.Length > 0)
        {
            result.Add(S3XmlResponse.Element("ContinuationToken", token));
        }

        if (startAfter.Length > 0)
        {
            result.Add(S3XmlResponse.Element("StartAfter", Encode(startAfter)));
        }

        if (truncated && lastProcessed is not null)
        {
            result.Add(S3XmlResponse.Element("NextContinuationToken", EncodeToken(lastProcessed)));
        }

        foreach (var stored in contents)
        {
            result.Add(S3XmlResponse.Element(
                "Contents",
                new object[]
                {
                    S3XmlResponse.Element("Key", Encode(stored.Key)),
                    S3XmlResponse.Element("LastModified", stored.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
                    S3XmlResponse.Element("ETag", stored.ETag),
                    S3XmlResponse.Element("Size", stored.Content.Length.ToString(CultureInfo.InvariantCulture)),
                    S3XmlResponse.Element("StorageClass", "STANDARD"),
                }));
        }

        foreach (var common in commonPrefixes)
        {
            result.Add(S3XmlResponse.Element("CommonPrefixes", S3XmlResponse.Element("Prefix", Encode(common))));
        }

        return result;
    }

    private static string? RollUp(string key, string prefix, string delimiter)
    {
        if (delimiter.Length == 0)
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }

    private static int MaxKeysOf(IQueryCollection query)
    {
        var text = query["max-keys"].ToString();
        if (text.Length == 0)
        {
            return MaxKeys;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, MaxKeys)
            : throw new AwsServiceException(400, "InvalidArgument", "Provided max-keys not an integer or within integer range");
    }

    // The token names the last key returned; S3's is opaque too, and listing stays confined to the request's prefix.
    private static string EncodeToken(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new AwsServiceException(400, "InvalidArgument", "The continuation token provided is incorrect");
        }
    }
}
