using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using Tenancy.Lambda.Hosting.Features;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>The request body (base64-decoded when API Gateway says so) and its Content-Length.</summary>
internal static class RequestBody
{
    public static void Apply(LambdaHttpFeatures features, string? body, bool isBase64Encoded)
    {
        var bytes = string.IsNullOrEmpty(body)
            ? Array.Empty<byte>()
            : isBase64Encoded ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        features.SetRequestBody(bytes.Length == 0 ? Stream.Null : new MemoryStream(bytes, writable: false), bytes.Length > 0);

        // API Gateway drops Content-Length; model binding and body readers want it.
        if (!features.Headers.ContainsKey("Content-Length"))
        {
            features.Headers.ContentLength = bytes.Length;
        }
        else if (bytes.Length > 0)
        {
            features.Headers["Content-Length"] = new StringValues(bytes.Length.ToString(CultureInfo.InvariantCulture));
        }
    }
}
