using System.Globalization;
using System.Xml.Linq;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>
/// ListObjectVersions: every version and delete marker under a prefix, in key order and newest first within a key,
/// at most <c>max-keys</c> per page, continuing after <c>key-marker</c> and <c>version-id-marker</c>; keys
/// URL-encoded when <c>encoding-type=url</c> is asked for. Delimiters are not modelled and are refused.
/// </summary>
public static class S3VersionListing
{
    public static XElement List(S3Bucket bucket, IQueryCollection query)
    {
        if (query["delimiter"].ToString().Length > 0)
        {
            throw new AwsServiceException(501, "NotImplemented", "The local S3 does not roll up versions at a delimiter.");
        }

        var prefix = query["prefix"].ToString();
        var keyMarker = query["key-marker"].ToString();
        var versionIdMarker = query["version-id-marker"].ToString();
        if (versionIdMarker.Length > 0 && keyMarker.Length == 0)
        {
            throw new AwsServiceException(400, "InvalidArgument", "A version-id marker cannot be specified without a key marker.");
        }

        var maxKeys = MaxKeysOf(query);
        var urlEncoded = string.Equals(query["encoding-type"].ToString(), "url", StringComparison.Ordinal);
        var listed = bucket.VersionsAfter(prefix, keyMarker.Length > 0 ? keyMarker : null, versionIdMarker.Length > 0 ? versionIdMarker : null, maxKeys + 1);
        var truncated = listed.Count > maxKeys;
        var page = truncated ? listed.Take(maxKeys).ToList() : listed;

        string Encode(string value) => urlEncoded ? SigV4Encoding.UriEncode(value).Replace("%2F", "/", StringComparison.Ordinal) : value;

        var result = new XElement(
            S3XmlResponse.Namespace + "ListVersionsResult",
            S3XmlResponse.Element("Name", bucket.Name),
            S3XmlResponse.Element("Prefix", Encode(prefix)),
            S3XmlResponse.Element("KeyMarker", Encode(keyMarker)),
            S3XmlResponse.Element("VersionIdMarker", versionIdMarker),
            S3XmlResponse.Element("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture)),
            S3XmlResponse.Element("IsTruncated", truncated ? "true" : "false"));
        if (urlEncoded)
        {
            result.Add(S3XmlResponse.Element("EncodingType", "url"));
        }

        if (truncated && page.Count > 0)
        {
            result.Add(S3XmlResponse.Element("NextKeyMarker", Encode(page[^1].Stored.Key)));
            result.Add(S3XmlResponse.Element("NextVersionIdMarker", page[^1].Stored.VersionId));
        }

        foreach (var (stored, isLatest) in page)
        {
            var modified = stored.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            result.Add(stored.IsDeleteMarker
                ? S3XmlResponse.Element(
                    "DeleteMarker",
                    new object[]
                    {
                        S3XmlResponse.Element("Key", Encode(stored.Key)),
                        S3XmlResponse.Element("VersionId", stored.VersionId),
                        S3XmlResponse.Element("IsLatest", isLatest ? "true" : "false"),
                        S3XmlResponse.Element("LastModified", modified),
                    })
                : S3XmlResponse.Element(
                    "Version",
                    new object[]
                    {
                        S3XmlResponse.Element("Key", Encode(stored.Key)),
                        S3XmlResponse.Element("VersionId", stored.VersionId),
                        S3XmlResponse.Element("IsLatest", isLatest ? "true" : "false"),
                        S3XmlResponse.Element("LastModified", modified),
                        S3XmlResponse.Element("ETag", stored.ETag),
                        S3XmlResponse.Element("Size", stored.Content.Length.ToString(CultureInfo.InvariantCulture)),
                        S3XmlResponse.Element("StorageClass", "STANDARD"),
                    }));
        }

        return result;
    }

    private static int MaxKeysOf(IQueryCollection query)
    {
        var text = query["max-keys"].ToString();
        if (text.Length == 0)
        {
            return S3ObjectListing.MaxKeys;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? Math.Min(value, S3ObjectListing.MaxKeys)
            : throw new AwsServiceException(400, "InvalidArgument", "Provided max-keys not an integer or within integer range");
    }
}
