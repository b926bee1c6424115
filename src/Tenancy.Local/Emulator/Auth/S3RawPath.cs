using Microsoft.AspNetCore.Http.Features;

namespace Tenancy.Local.Emulator.Auth;

/// <summary>
/// The request path as the client sent it (still percent-encoded). S3 object keys may contain characters the server
/// would otherwise decode or normalise, so both signing and key parsing read this instead of <c>Request.Path</c>.
/// </summary>
public static class S3RawPath
{
    public static string Of(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return request.PathBase.Add(request.Path).Value ?? "/";
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? raw : raw[..query];
        return path.Length == 0 ? "/" : path;
    }
}
