using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Tenancy.Lambda.Hosting.Events;
using Tenancy.Lambda.Hosting.Features;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>Fills the request features from an HTTP API (payload 2.0) event.</summary>
internal static class HttpApiRequestMarshaller
{
    public static void Apply(HttpApiRequest request, LambdaHttpFeatures features)
    {
        var context = request.RequestContext;
        var http = context?.Http;
        features.Method = http?.Method ?? "GET";
        features.Protocol = http?.Protocol is { Length: > 0 } protocol ? protocol : "HTTP/1.1";

        var path = EnsureLeadingSlash(http?.Path ?? request.RawPath ?? "/");
        var (pathBase, routePath) = StripStage(context?.Stage, path);
        features.PathBase = PathDecoder.Decode(pathBase);
        features.Path = PathDecoder.Decode(routePath);

        // HTTP APIs pass the query as the client sent it: no re-encoding (the original's fix for double escaping).
        var query = string.IsNullOrEmpty(request.RawQueryString) ? string.Empty : "?" + request.RawQueryString;
        features.QueryString = query;
        features.RawTarget = EnsureLeadingSlash(request.RawPath ?? path) + query;

        // API Gateway already joined duplicate headers with commas; one value per header, never split again.
        RequestHeaders.AddSingle(features.Headers, request.Headers);
        if (request.Cookies is { Count: > 0 } cookies)
        {
            features.Headers.Cookie = string.Join("; ", cookies);
        }

        if (!features.Headers.ContainsKey("Host") && context?.DomainName is { Length: > 0 } domain)
        {
            features.Headers.Host = domain;
        }

        RequestBody.Apply(features, request.Body, request.IsBase64Encoded);

        if (IPAddress.TryParse(http?.SourceIp, out var remote))
        {
            features.RemoteIpAddress = remote;
        }

        features.RemotePort = RequestHeaders.ForwardedPort(features.Headers);
        features.User = AuthorizerPrincipal.FromHttpApi(context?.Authorizer);
        if (context?.Authentication?.ClientCert?.ClientCertPem is { Length: > 0 } pem)
        {
            features.Collection.Set<ITlsConnectionFeature>(new PemClientCertificateFeature(pem));
        }
    }

    /// <summary>A named stage prefixes the path; it becomes PathBase only when it is a whole first segment.</summary>
    private static (string PathBase, string Path) StripStage(string? stage, string path)
    {
        if (string.IsNullOrEmpty(stage) || stage == "$default")
        {
            return (string.Empty, path);
        }

        var prefix = "/" + stage;
        if (path.Length == prefix.Length && path.Equals(prefix, StringComparison.Ordinal))
        {
            return (prefix, "/");
        }

        return path.StartsWith(prefix + "/", StringComparison.Ordinal) ? (prefix, path[prefix.Length..]) : (string.Empty, path);
    }

    private static string EnsureLeadingSlash(string path) => path.StartsWith('/') ? path : "/" + path;
}
