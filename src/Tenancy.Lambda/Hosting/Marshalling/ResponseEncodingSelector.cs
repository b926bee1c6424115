using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>Decides text or base64 for a response body from its Content-Encoding, Content-Type and bytes.</summary>
internal sealed class ResponseEncodingSelector(LambdaHostingOptions options)
{
    public ResponseBodyEncoding Select(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return ResponseBodyEncoding.Text;
        }

        var contentEncoding = headers.ContentEncoding.ToString();
        if (contentEncoding.Length > 0 && !contentEncoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseBodyEncoding.Base64;
        }

        // Without a declared type, valid UTF-8 goes as text (REST APIs only decode base64 for configured binary types).
        var contentType = headers.ContentType.ToString();
        var encoding = contentType.Length == 0 ? ResponseBodyEncoding.Text : ForContentType(contentType);

        // Text that is not valid UTF-8 would be corrupted by the string round trip.
        return encoding == ResponseBodyEncoding.Text && !Utf8.IsValid(body) ? ResponseBodyEncoding.Base64 : encoding;
    }

    private ResponseBodyEncoding ForContentType(string contentType)
    {
        var separator = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (separator >= 0 ? contentType[..separator] : contentType).Trim();
        if (options.BinaryContentTypes.Contains(mediaType))
        {
            return ResponseBodyEncoding.Base64;
        }

        return IsText(mediaType) ? ResponseBodyEncoding.Text : options.DefaultEncoding;
    }

    private bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
        || options.TextContentTypes.Contains(mediaType);
}
