using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>
/// The bucket and key of a path-style request (<c>/bucket/key…</c>), decoded from the raw target so the key is
/// exactly what the client encoded. Virtual-hosted addressing is not served: the local cloud has one host name.
/// </summary>
public sealed record S3Target(string Bucket, string Key)
{
    public bool HasKey => Key.Length > 0;

    public string BucketArn => $"arn:{LocalAccount.Partition}:s3:::{Bucket}";

    public string ObjectArn => ObjectArnOf(Bucket, Key);

    public static string ObjectArnOf(string bucket, string key) => $"arn:{LocalAccount.Partition}:s3:::{bucket}/{key}";

    public static S3Target Of(HttpRequest request)
    {
        var path = S3RawPath.Of(request).TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucket = Decode(slash < 0 ? path : path[..slash]);
        var key = slash < 0 ? string.Empty : Decode(path[(slash + 1)..]);
        return new S3Target(bucket, key);
    }

    private static string Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            throw new AwsServiceException(400, "InvalidURI", "Couldn't parse the specified URI.");
        }
    }
}
