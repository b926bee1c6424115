using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Tenancy.Lambda.Hosting.Events;
using Tenancy.Lambda.Hosting.Features;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>Fills the request features from a REST API (payload 1.0) event.</summary>
internal static class RestApiRequestMarshaller
{
    public static void Apply(RestApiRequest request, LambdaHttpFeatures features)
    {
        var context = request.RequestContext;
        features.Method = request.HttpMethod ?? "GET";
        features.Protocol = context?.Protocol is { Length: > 0 } protocol ? protocol : "HTTP/1.1";

        var routePath = EnsureLeadingSlash(ResolveRoutePath(request));
        var (pathBase, path) = SplitPathBase(context?.Path, routePath);
        features.PathBase = PathDecoder.Decode(pathBase);
        features.Path = PathDecoder.Decode(path);

        var query = BuildQuery(request);
        features.QueryString = query;
        features.RawTarget = EnsureLeadingSlash(request.Path ?? routePath) + query;

        if (request.MultiValueHeaders is { Count: > 0 } multiValueHeaders)
        {
            RequestHeaders.AddMulti(features.Headers, multiValueHeaders);
        }
        else
        {
            RequestHeaders.AddSingle(features.Headers, request.Headers);
        }

        if (!features.Headers.ContainsKey("Host"))
        {
            features.Headers.Host = context?.DomainName is { Length: > 0 } domain ? domain : $"apigateway-{context?.ApiId}-{context?.Stage}";
        }

        RequestBody.Apply(features, request.Body, request.IsBase64Encoded);

        if (IPAddress.TryParse(context?.Identity?.SourceIp, out var remote))
        {
            features.RemoteIpAddress = remote;
        }

        features.RemotePort = RequestHeaders.ForwardedPort(features.Headers);
        if (context?.ConnectionId is { Length: > 0 } connectionId)
        {
            features.ConnectionId = connectionId;
        }

        features.User = AuthorizerPrincipal.FromRestApi(context?.Authorizer);
        if (context?.Identity?.ClientCert?.ClientCertPem is { Length: > 0 } pem)
        {
            features.Collection.Set<ITlsConnectionFeature>(new PemClientCertificateFeature(pem));
        }
    }

    /// <summary>
    /// With a greedy proxy resource the route path is rebuilt from the resource template and path parameters, so a
    /// custom-domain base path in <c>path</c> does not reach routing; otherwise <c>path</c> as sent.
    /// </summary>
    private static string ResolveRoutePath(RestApiRequest request)
    {
        if (request.PathParameters is { } parameters && parameters.ContainsKey("proxy") && !string.IsNullOrEmpty(request.Resource))
        {
            var resource = request.Resource;
            foreach (var (name, value) in parameters)
            {
                resource = resource.Replace("{" + name + "+}", value, StringComparison.Ordinal)
                    .Replace("{" + name + "}", value, StringComparison.Ordinal);
            }

            return resource;
        }

        return request.Path ?? "/";
    }

    /// <summary><c>requestContext.path</c> is the full path including the stage or base path; what precedes the route is PathBase.</summary>
    private static (string PathBase, string Path) SplitPathBase(string? fullPath, string path)
    {
        if (string.IsNullOrEmpty(fullPath))
        {
            return (string.Empty, path);
        }

        if (path.EndsWith('/') && !fullPath.EndsWith('/'))
        {
            fullPath += "/";
        }
        else if (!path.EndsWith('/') && fullPath.EndsWith('/') && fullPath.Length > 1)
        {
            path += "/";
        }

        return fullPath.Length > path.Length && fullPath.EndsWith(path, StringComparison.Ordinal)
            ? (fullPath[..^path.Length], path)
            : (string.Empty, path);
    }

    /// <summary>
    /// REST APIs hand over decoded query values, so keys and values are re-encoded (the original re-encoded only values:
    /// a key such as <c>a&amp;b</c> broke the query).
    /// </summary>
    private static string BuildQuery(RestApiRequest request)
    {
        var builder = new StringBuilder();
        if (request.MultiValueQueryStringParameters is { Count: > 0 } multi)
        {
            foreach (var (key, values) in multi)
            {
                foreach (var value in values ?? [])
                {
                    Append(builder, key, value);
                }
            }
        }
        else if (request.QueryStringParameters is { Count: > 0 } single)
        {
            foreach (var (key, value) in single)
            {
                Append(builder, key, value);
            }
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string key, string? value)
    {
        builder.Append(builder.Length == 0 ? '?' : '&')
            .Append(WebUtility.UrlEncode(key))
            .Append('=')
            .Append(WebUtility.UrlEncode(value ?? string.Empty));
    }

    private static string EnsureLeadingSlash(string path) => path.StartsWith('/') ? path : "/" + path;
}
