using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>
/// Decodes an <c>aws-chunked</c> upload body (<c>hex-size[;chunk-signature=sig]\r\ndata\r\n…0…\r\n[trailers]\r\n</c>)
/// and, for the signed variants, verifies every chunk's signature as a chain from the seed signature of the
/// <c>Authorization</c> header, and the trailer's signature, as S3 does. A body that does not verify is refused.
/// </summary>
public static class S3ChunkedBody
{
    private const string ChunkAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD";
    private const string TrailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER";
    private const string ChunkSignaturePrefix = "chunk-signature=";
    private const string TrailerSignatureName = "x-amz-trailer-signature";
    private static readonly string EmptyHash = SigV4Encoding.Hex(SHA256.HashData([]));

    public static byte[] Decode(byte[] body, string payloadMode, SigV4AuthorizationHeader header, string amzDate, string secretAccessKey)
    {
        var signed = S3PayloadSigning.HasSignedChunks(payloadMode);
        var hasTrailer = payloadMode is S3PayloadSigning.StreamingSignedTrailer or S3PayloadSigning.StreamingUnsignedTrailer;
        var signingKey = signed ? SigningKey(secretAccessKey, header) : [];
        var previous = header.Signature;
        using var decoded = new MemoryStream();
        var position = 0;
        while (true)
        {
            var line = ReadLine(body, ref position);
            var parts = line.Split(';');
            if (!int.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 || size > body.Length - position)
            {
                throw Incomplete();
            }

            var data = body.AsSpan(position, size);
            position += size;
            if (signed)
            {
                var signature = parts.Length == 2 && parts[1].StartsWith(ChunkSignaturePrefix, StringComparison.Ordinal)
                    ? parts[1][ChunkSignaturePrefix.Length..]
                    : throw Incomplete();
                var stringToSign = string.Join('\n', ChunkAlgorithm, amzDate, header.Scope, previous, EmptyHash, SigV4Encoding.Hex(SHA256.HashData(data)));
                Verify(signingKey, stringToSign, signature);
                previous = signature;
            }

            decoded.Write(data);
            if (size == 0)
            {
                break;
            }

            ExpectLineEnd(body, ref position);
        }

        if (hasTrailer)
        {
            ReadTrailers(body, ref position, signed, signingKey, amzDate, header, previous);
        }
        else
        {
            ExpectLineEnd(body, ref position);
        }

        return decoded.ToArray();
    }

    private static void ReadTrailers(byte[] body, ref int position, bool signed, byte[] signingKey, string amzDate, SigV4AuthorizationHeader header, string previous)
    {
        var trailers = new StringBuilder();
        string? trailerSignature = null;
        while (true)
        {
            var line = ReadLine(body, ref position);
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Incomplete();
            }

            if (string.Equals(line[..colon], TrailerSignatureName, StringComparison.OrdinalIgnoreCase))
            {
                trailerSignature = line[(colon + 1)..].Trim();
            }
            else
            {
                trailers.Append(line[..colon].ToLowerInvariant()).Append(':').Append(line[(colon + 1)..].Trim()).Append('\n');
            }
        }

        if (signed)
        {
            var stringToSign = string.Join('\n', TrailerAlgorithm, amzDate, header.Scope, previous, SigV4Encoding.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(trailers.ToString()))));
            Verify(signingKey, stringToSign, trailerSignature ?? throw Incomplete());
        }
    }

    private static string ReadLine(byte[] body, ref int position)
    {
        var end = body.AsSpan(position).IndexOf("\r\n"u8);
        if (end < 0)
        {
            // The last trailer line may end the body without a blank line.
            if (position >= body.Length)
            {
                return string.Empty;
            }

            throw Incomplete();
        }

        var line = Encoding.ASCII.GetString(body, position, end);
        position += end + 2;
        return line;
    }

    private static void ExpectLineEnd(byte[] body, ref int position)
    {
        if (!body.AsSpan(position).StartsWith("\r\n"u8))
        {
            throw Incomplete();
        }

        position += 2;
    }

    private static void Verify(byte[] signingKey, string stringToSign, string signature)
    {
        var expected = SigV4Encoding.Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            throw new AwsServiceException(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }
    }

    private static byte[] SigningKey(string secretAccessKey, SigV4AuthorizationHeader header)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(header.Date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(header.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(header.Service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    private static AwsServiceException Incomplete() =>
        new(400, "IncompleteBody", "The request body is not a valid aws-chunked encoding.");
}
