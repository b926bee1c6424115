using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>
/// Local S3 over REST-XML with path-style addressing: the object and listing subset the application and the aws CLI
/// use (Put/Get/Head/DeleteObject, DeleteObjects, ListObjectsV2, ListObjectVersions, HeadBucket, CreateBucket,
/// GetBucketLocation), every request checked against the caller's IAM policies with the object ARN or the bucket ARN
/// and <c>s3:prefix</c>/<c>s3:delimiter</c>/<c>s3:max-keys</c>, as S3 does. Buckets created versioned keep every
/// version and add delete markers (see <see cref="S3Bucket"/>); a request naming a version id is authorized with the
/// <c>…Version</c> action (<c>s3:GetObjectVersion</c>, <c>s3:DeleteObjectVersion</c>). Uploads may be signed, <c>UNSIGNED-PAYLOAD</c>
/// or <c>aws-chunked</c> (chunk signatures verified). Anything else is refused with <c>NotImplemented</c>.
/// </summary>
public sealed class S3Service : ILocalService
{
    private const string DefaultContentType = "binary/octet-stream";
    private const string MetadataPrefix = "x-amz-meta-";
    private const string VersionIdHeader = "x-amz-version-id";
    private const string DeleteMarkerHeader = "x-amz-delete-marker";
    private static readonly string[] UnsupportedSubresources = ["uploads", "uploadId", "acl", "tagging", "versioning", "policy", "cors", "lifecycle", "retention", "legal-hold", "torrent", "select"];

    private readonly S3ObjectStore _store;
    private readonly LocalCloudCounters _counters;
    private readonly TimeProvider _time;

    public S3Service(S3ObjectStore store, LocalCloudCounters counters, TimeProvider time)
    {
        _store = store;
        _counters = counters;
        _time = time;
    }

    public string Name => "s3";

    public AwsProtocol Protocol => AwsProtocol.S3Xml;

    // Signed for s3, or unsigned and addressed to a bucket that exists (so an anonymous request gets S3's denial).
    public bool Recognizes(HttpRequest request, string? scopeService)
    {
        if (string.Equals(scopeService, Name, StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            return scopeService is null && request.Headers["X-Amz-Target"].Count == 0 && _store.Exists(S3Target.Of(request).Bucket);
        }
        catch (AwsServiceException)
        {
            return false;
        }
    }

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        var target = S3Target.Of(request);
        var query = request.Query;
        if (UnsupportedSubresources.Any(query.ContainsKey) || request.Headers.ContainsKey("x-amz-copy-source"))
        {
            return "Unsupported";
        }

        if (target.Bucket.Length == 0)
        {
            return HttpMethods.IsGet(request.Method) ? "ListBuckets" : "Unsupported";
        }

        if (target.HasKey)
        {
            // Writing a version id is not something S3 accepts either.
            if (query.ContainsKey("versionId") && HttpMethods.IsPut(request.Method))
            {
                return "Unsupported";
            }

            return request.Method switch
            {
                "PUT" => "PutObject",
                "GET" => "GetObject",
                "HEAD" => "HeadObject",
                "DELETE" => "DeleteObject",
                _ => "Unsupported",
            };
        }

        return request.Method switch
        {
            _ when query.ContainsKey("versionId") => "Unsupported",
            "GET" when query.ContainsKey("location") => "GetBucketLocation",
            "GET" when query.ContainsKey("versions") => "ListObjectVersions",
            "GET" when query["list-type"] == "2" => "ListObjectsV2",
            "GET" => "ListObjects",
            "HEAD" => "HeadBucket",
            "PUT" => "CreateBucket",
            "POST" when query.ContainsKey("delete") => "DeleteObjects",
            _ => "Unsupported",
        };
    }

    public bool RequiresSignature(string operation) => true;

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call)
    {
        var target = S3Target.Of(call.Request);
        var versioned = call.Request.Query.ContainsKey("versionId");
        var checks = call.OperationName switch
        {
            "PutObject" => [new AccessCheck("s3:PutObject", target.ObjectArn, new RequestContext())],
            "GetObject" or "HeadObject" => [new AccessCheck(versioned ? "s3:GetObjectVersion" : "s3:GetObject", target.ObjectArn, new RequestContext())],
            "DeleteObject" => [new AccessCheck(versioned ? "s3:DeleteObjectVersion" : "s3:DeleteObject", target.ObjectArn, new RequestContext())],
            "ListObjectsV2" or "HeadBucket" => [new AccessCheck("s3:ListBucket", target.BucketArn, ListKeys(call.Request.Query))],
            "ListObjectVersions" => [new AccessCheck("s3:ListBucketVersions", target.BucketArn, ListKeys(call.Request.Query))],
            "CreateBucket" => [new AccessCheck("s3:CreateBucket", target.BucketArn, new RequestContext())],
            "GetBucketLocation" => [new AccessCheck("s3:GetBucketLocation", target.BucketArn, new RequestContext())],

            // Each key of a multi-object delete is authorized on its own when it is handled, as S3 does.
            "DeleteObjects" => Array.Empty<AccessCheck>(),
            _ => throw new AwsServiceException(501, "NotImplemented", "A header or query you provided implies functionality that the local S3 does not implement."),
        };
        return ValueTask.FromResult<LocalOperation>(new S3Operation(call.OperationName, target) { AccessChecks = checks });
    }

    public Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        var target = ((S3Operation)operation).Target;
        if (operation.Name == "CreateBucket")
        {
            return CreateBucket(call, target);
        }

        var bucket = _store.Bucket(target.Bucket) ?? throw new AwsServiceException(404, "NoSuchBucket", "The specified bucket does not exist");
        return operation.Name switch
        {
            "PutObject" => PutObject(call, bucket, target),
            "GetObject" => GetObjectAsync(call, bucket, target, withBody: true),
            "HeadObject" => GetObjectAsync(call, bucket, target, withBody: false),
            "DeleteObject" => DeleteObject(call, bucket, target),
            "DeleteObjects" => DeleteObjectsAsync(call, bucket),
            "ListObjectsV2" => S3XmlResponse.WriteAsync(call.Context, S3ObjectListing.ListV2(bucket, call.Request.Query)),
            "ListObjectVersions" => S3XmlResponse.WriteAsync(call.Context, S3VersionListing.List(bucket, call.Request.Query)),
            "GetBucketLocation" => S3XmlResponse.WriteAsync(call.Context, new XElement(S3XmlResponse.Namespace + "LocationConstraint")),
            _ => Ok(call),
        };
    }

    private static RequestContext ListKeys(IQueryCollection query)
    {
        // A listing without a prefix has no s3:prefix key at all, so a StringLike on it is false.
        var keys = new RequestContext();
        if (query.TryGetValue("prefix", out var prefix))
        {
            keys.Set("s3:prefix", prefix.ToString());
        }

        if (query.TryGetValue("delimiter", out var delimiter))
        {
            keys.Set("s3:delimiter", delimiter.ToString());
        }

        keys.Set("s3:max-keys", query.TryGetValue("max-keys", out var maxKeys) ? maxKeys.ToString() : S3ObjectListing.MaxKeys.ToString(CultureInfo.InvariantCulture));
        return keys;
    }

    private Task CreateBucket(LocalServiceCall call, S3Target target)
    {
        if (!_store.CreateBucket(target.Bucket))
        {
            throw new AwsServiceException(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.");
        }

        call.Context.Response.Headers.Location = "/" + target.Bucket;
        return Ok(call);
    }

    private Task PutObject(LocalServiceCall call, S3Bucket bucket, S3Target target)
    {
        var request = call.Request;
        var content = Payload(call);
        if (request.Headers["Content-MD5"].ToString() is { Length: > 0 } md5
            && !string.Equals(md5, Convert.ToBase64String(MD5.HashData(content)), StringComparison.Ordinal))
        {
            throw new AwsServiceException(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }

        var metadata = request.Headers
            .Where(h => h.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var contentType = request.ContentType is { Length: > 0 } type ? type : DefaultContentType;
        var etag = $"\"{Convert.ToHexStringLower(MD5.HashData(content))}\"";
        var stored = bucket.Put(new S3StoredObject(target.Key, content, contentType, etag, _time.GetUtcNow(), metadata));
        _counters.Increment($"s3:PutObject:bucket/{bucket.Name}");
        call.Context.Response.Headers.ETag = etag;
        if (bucket.Versioned)
        {
            call.Context.Response.Headers[VersionIdHeader] = stored.VersionId;
        }

        return Ok(call);
    }

    private static async Task GetObjectAsync(LocalServiceCall call, S3Bucket bucket, S3Target target, bool withBody)
    {
        var versionId = call.Request.Query["versionId"].ToString();
        var stored = versionId.Length > 0 ? bucket.Get(target.Key, versionId) : bucket.Get(target.Key);
        if (stored is { IsDeleteMarker: true })
        {
            // A delete marker cannot be read; S3 answers 405 with its identity.
            call.Context.Response.Headers[DeleteMarkerHeader] = "true";
            call.Context.Response.Headers[VersionIdHeader] = stored.VersionId;
            throw new AwsServiceException(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }

        if (stored is null && versionId.Length == 0 && bucket.Latest(target.Key) is { IsDeleteMarker: true } marker)
        {
            call.Context.Response.Headers[DeleteMarkerHeader] = "true";
            call.Context.Response.Headers[VersionIdHeader] = marker.VersionId;
        }

        if (stored is null)
        {
            // S3 reveals that a key is missing only to callers allowed to list the bucket; others get AccessDenied.
            var canList = call.Evaluate("s3:ListBucket", target.BucketArn, new RequestContext());
            throw canList.Allowed
                ? versionId.Length > 0
                    ? new AwsServiceException(404, "NoSuchVersion", "The specified version does not exist.")
                    : new AwsServiceException(404, "NoSuchKey", "The specified key does not exist.")
                : AwsProtocol.S3Xml.AccessDenied("Access Denied");
        }

        var response = call.Context.Response;
        response.StatusCode = 200;
        response.ContentType = stored.ContentType;
        response.ContentLength = stored.Content.Length;
        response.Headers.ETag = stored.ETag;
        response.Headers.LastModified = stored.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        if (bucket.Versioned)
        {
            response.Headers[VersionIdHeader] = stored.VersionId;
        }

        foreach (var (name, value) in stored.Metadata)
        {
            response.Headers[name] = value;
        }

        if (withBody)
        {
            await response.Body.WriteAsync(stored.Content).ConfigureAwait(false);
        }
    }

    private Task DeleteObject(LocalServiceCall call, S3Bucket bucket, S3Target target)
    {
        var versionId = call.Request.Query["versionId"].ToString();
        var outcome = bucket.Delete(target.Key, versionId.Length > 0 ? versionId : null, _time.GetUtcNow());
        if (outcome.VersionId is not null)
        {
            call.Context.Response.Headers[VersionIdHeader] = outcome.VersionId;
        }

        if (outcome.DeleteMarker)
        {
            call.Context.Response.Headers[DeleteMarkerHeader] = "true";
        }

        call.Context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private async Task DeleteObjectsAsync(LocalServiceCall call, S3Bucket bucket)
    {
        var (objects, quiet) = ParseDelete(Payload(call));
        var result = new XElement(S3XmlResponse.Namespace + "DeleteResult");
        foreach (var (key, versionId) in objects)
        {
            var action = versionId is null ? "s3:DeleteObject" : "s3:DeleteObjectVersion";
            var allowed = call.Evaluate(action, S3Target.ObjectArnOf(bucket.Name, key), new RequestContext());
            if (!allowed.Allowed)
            {
                _counters.Increment("denied:s3:DeleteObjects");
                _counters.Increment("denied:s3");
                var error = new XElement(S3XmlResponse.Namespace + "Error", S3XmlResponse.Element("Key", key));
                if (versionId is not null)
                {
                    error.Add(S3XmlResponse.Element("VersionId", versionId));
                }

                error.Add(S3XmlResponse.Element("Code", "AccessDenied"), S3XmlResponse.Element("Message", "Access Denied"));
                result.Add(error);
                continue;
            }

            var outcome = bucket.Delete(key, versionId, _time.GetUtcNow());
            if (!quiet)
            {
                var deleted = new XElement(S3XmlResponse.Namespace + "Deleted", S3XmlResponse.Element("Key", key));
                if (versionId is not null)
                {
                    deleted.Add(S3XmlResponse.Element("VersionId", versionId));
                }

                if (outcome.DeleteMarker)
                {
                    deleted.Add(S3XmlResponse.Element("DeleteMarker", "true"));
                    if (outcome.VersionId is not null)
                    {
                        deleted.Add(S3XmlResponse.Element("DeleteMarkerVersionId", outcome.VersionId));
                    }
                }

                result.Add(deleted);
            }
        }

        await S3XmlResponse.WriteAsync(call.Context, result).ConfigureAwait(false);
    }

    private static (IReadOnlyList<(string Key, string? VersionId)> Objects, bool Quiet) ParseDelete(byte[] body)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(body);
            document = XDocument.Load(stream);
        }
        catch (XmlException)
        {
            throw new AwsServiceException(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "Delete")
        {
            throw new AwsServiceException(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
        }

        var keys = root.Elements().Where(e => e.Name.LocalName == "Object")
            .Select(o => (
                Key: o.Elements().FirstOrDefault(e => e.Name.LocalName == "Key")?.Value
                    ?? throw new AwsServiceException(400, "MalformedXML", "Every Object needs a Key."),
                VersionId: o.Elements().FirstOrDefault(e => e.Name.LocalName == "VersionId")?.Value))
            .ToList();
        if (keys.Count is 0 or > S3ObjectListing.MaxKeys)
        {
            throw new AwsServiceException(400, "MalformedXML", "A multi-object delete names 1 to 1000 keys.");
        }

        var quiet = string.Equals(root.Elements().FirstOrDefault(e => e.Name.LocalName == "Quiet")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        return (keys, quiet);
    }

    /// <summary>The request's payload: the body itself, or the decoded <c>aws-chunked</c> body with its signatures verified.</summary>
    private byte[] Payload(LocalServiceCall call)
    {
        var declared = call.Request.Headers["X-Amz-Content-SHA256"].ToString();

        // Counted by signing mode so tests can show which of them a client really used.
        _counters.Increment($"s3:{call.OperationName}:payload/{(S3PayloadSigning.IsLiteral(declared) ? declared : "SHA256")}");
        if (!S3PayloadSigning.IsStreaming(declared))
        {
            return call.Body;
        }

        SigV4AuthorizationHeader.TryParse(call.Request.Headers.Authorization.ToString(), out var header);
        var decoded = S3ChunkedBody.Decode(call.Body, declared, header!, call.Request.Headers["X-Amz-Date"].ToString(), call.RequiredCaller.Credentials.SecretAccessKey);
        var declaredLength = call.Request.Headers["x-amz-decoded-content-length"].ToString();
        if (declaredLength.Length > 0 && declaredLength != decoded.Length.ToString(CultureInfo.InvariantCulture))
        {
            throw new AwsServiceException(400, "IncompleteBody", "You did not provide the number of bytes specified by the x-amz-decoded-content-length header.");
        }

        return decoded;
    }

    private static Task Ok(LocalServiceCall call)
    {
        call.Context.Response.StatusCode = 200;
        return Task.CompletedTask;
    }
}
