using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tenancy.Local.Emulator.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 on an incoming request: finds the secret of the access key, checks the session
/// token and its expiry, recomputes the canonical request and signature, and checks the request time is within 15
/// minutes of the server clock, like AWS.
/// </summary>
public sealed class SigV4Verifier
{
    private const string S3Service = "s3";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private readonly CredentialStore _credentials;
    private readonly TimeProvider _time;

    public SigV4Verifier(CredentialStore credentials, TimeProvider time)
    {
        _credentials = credentials;
        _time = time;
    }

    public SigV4Result Verify(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return SigV4Result.Fail(SigV4Failure.MissingAuthentication, "Request is missing Authentication Token");
        }

        if (!SigV4AuthorizationHeader.TryParse(authorization, out var header))
        {
            return SigV4Result.Fail(SigV4Failure.MalformedAuthorization, "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
        }

        if (!_credentials.TryGet(header!.AccessKeyId, out var principal))
        {
            return SigV4Result.Fail(SigV4Failure.UnknownAccessKey, "The security token included in the request is invalid.", header.Service);
        }

        var token = request.Headers["X-Amz-Security-Token"].ToString();
        if (!string.Equals(token, principal.Credentials.SessionToken ?? string.Empty, StringComparison.Ordinal))
        {
            return SigV4Result.Fail(SigV4Failure.MissingOrWrongSessionToken, "The security token included in the request is invalid.", header.Service);
        }

        var now = _time.GetUtcNow();
        if (principal.Session is { } session && session.Expiration <= now)
        {
            return SigV4Result.Fail(SigV4Failure.ExpiredToken, "The security token included in the request is expired", header.Service);
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || !amzDate.StartsWith(header.Date, StringComparison.Ordinal))
        {
            return SigV4Result.Fail(SigV4Failure.MalformedAuthorization, "Authorization header requires existence of a valid 'X-Amz-Date' header matching the credential scope date.", header.Service);
        }

        if (!header.SignedHeaders.Contains("host", StringComparer.Ordinal))
        {
            return SigV4Result.Fail(SigV4Failure.MalformedAuthorization, "'Host' must be a signed header.", header.Service);
        }

        var isS3 = string.Equals(header.Service, S3Service, StringComparison.Ordinal);
        var declaredHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        if (isS3 && declaredHash.Length == 0)
        {
            return SigV4Result.Fail(SigV4Failure.MalformedAuthorization, "Missing required header for this request: x-amz-content-sha256", header.Service);
        }

        string payloadHash;
        if (isS3 && S3PayloadSigning.IsLiteral(declaredHash))
        {
            // S3 alone signs a literal instead of the body's hash (unsigned or aws-chunked payloads); the S3
            // service verifies each chunk's signature when it decodes the body.
            payloadHash = declaredHash;
        }
        else
        {
            payloadHash = SigV4Encoding.Hex(SHA256.HashData(body));
            if (declaredHash.Length > 0 && !string.Equals(declaredHash, payloadHash, StringComparison.OrdinalIgnoreCase))
            {
                return SigV4Result.Fail(SigV4Failure.PayloadHashMismatch, "The provided 'x-amz-content-sha256' header does not match what was computed.", header.Service);
            }
        }

        var expected = ComputeSignature(request, header, principal.Credentials.SecretAccessKey, amzDate, payloadHash);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
        {
            return SigV4Result.Fail(
                SigV4Failure.SignatureMismatch,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                header.Service);
        }

        if ((now - signedAt).Duration() > AllowedSkew)
        {
            var earliest = (now - AllowedSkew).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var nowText = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            return SigV4Result.Fail(SigV4Failure.RequestTimeTooSkewed, $"Signature expired: {amzDate} is now earlier than {earliest} ({nowText} - 15 min.)", header.Service);
        }

        return new SigV4Result(principal, SigV4Failure.None, string.Empty, header.Service);
    }

    /// <summary>The hex signature AWS would compute for this request with <paramref name="secretAccessKey"/>.</summary>
    public static string ComputeSignature(HttpRequest request, SigV4AuthorizationHeader header, string secretAccessKey, string amzDate, string payloadHash)
    {
        var canonicalRequest = CanonicalRequest(request, header.Service, header.SignedHeaders, payloadHash);
        var stringToSign = string.Join(
            '\n',
            SigV4AuthorizationHeader.Algorithm,
            amzDate,
            header.Scope,
            SigV4Encoding.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), header.Date);
        key = Hmac(key, header.Region);
        key = Hmac(key, header.Service);
        key = Hmac(key, "aws4_request");
        return SigV4Encoding.Hex(Hmac(key, stringToSign));
    }

    private static string CanonicalRequest(HttpRequest request, string service, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(string.Equals(service, S3Service, StringComparison.Ordinal) ? S3CanonicalUri(request) : CanonicalUri(request.PathBase.Add(request.Path).Value)).Append('\n');
        builder.Append(CanonicalQuery(request.QueryString.Value)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.Headers[name].ToArray())).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    // Services other than S3 sign the path URI-encoded twice (the SDKs encode each segment, then the whole again).
    private static string CanonicalUri(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return "/";
        }

        var segments = path.Split('/').Select(s => SigV4Encoding.UriEncode(SigV4Encoding.UriEncode(s)));
        return string.Join('/', segments);
    }

    // S3 signs the path encoded once, exactly as the object key is spelled; read from the raw target so an encoded
    // '/' inside a segment is not confused with a separator.
    private static string S3CanonicalUri(HttpRequest request)
    {
        var path = S3RawPath.Of(request);
        var segments = path.Split('/').Select(s => SigV4Encoding.UriEncode(Uri.UnescapeDataString(s)));
        return string.Join('/', segments);
    }

    private static string CanonicalQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        var pairs = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? pair : pair[..eq];
                var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
                return (Name: SigV4Encoding.UriEncode(Uri.UnescapeDataString(name)), Value: SigV4Encoding.UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    private static string CanonicalHeaderValue(string?[] values) =>
        string.Join(',', values.Select(v => string.Join(' ', (v ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
