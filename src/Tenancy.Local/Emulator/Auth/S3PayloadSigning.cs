namespace Tenancy.Local.Emulator.Auth;

/// <summary>
/// The literal values S3 accepts in <c>x-amz-content-sha256</c> instead of the body's hash: an unsigned payload, or an
/// <c>aws-chunked</c> body whose chunks (and trailer) are signed one by one or carry only a trailing checksum.
/// </summary>
public static class S3PayloadSigning
{
    public const string Unsigned = "UNSIGNED-PAYLOAD";
    public const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    public static bool IsLiteral(string declared) =>
        declared is Unsigned or StreamingSigned or StreamingSignedTrailer or StreamingUnsignedTrailer;

    public static bool IsStreaming(string declared) =>
        declared is StreamingSigned or StreamingSignedTrailer or StreamingUnsignedTrailer;

    public static bool HasSignedChunks(string declared) => declared is StreamingSigned or StreamingSignedTrailer;
}
