using System.Text.Json;

namespace Tenancy.Lambda.Hosting.Events;

/// <summary>An API Gateway HTTP API event (payload format 2.0), as far as the server reads it.</summary>
public sealed class HttpApiRequest
{
    /// <summary>Payload format version; <c>2.0</c> for HTTP APIs.</summary>
    public string? Version { get; set; }

    /// <summary>The matched route, such as <c>GET /orders/{id}</c>, or <c>$default</c>.</summary>
    public string? RouteKey { get; set; }

    /// <summary>The request path as the client sent it, before API Gateway decodes it.</summary>
    public string? RawPath { get; set; }

    /// <summary>The query string without the leading <c>?</c>, still percent-encoded.</summary>
    public string? RawQueryString { get; set; }

    /// <summary>The <c>Cookie</c> header split into its cookies; HTTP APIs take them out of <see cref="Headers"/>.</summary>
    public List<string>? Cookies { get; set; }

    /// <summary>Request headers with lower-case names; repeated headers are joined with commas.</summary>
    public Dictionary<string, string?>? Headers { get; set; }

    /// <summary>Decoded query parameters; repeated ones are joined with commas.</summary>
    public Dictionary<string, string?>? QueryStringParameters { get; set; }

    /// <summary>Values of the route's path variables.</summary>
    public Dictionary<string, string?>? PathParameters { get; set; }

    /// <summary>The stage's variables.</summary>
    public Dictionary<string, string?>? StageVariables { get; set; }

    /// <summary>Who called, through which API and stage, and what the authorizer decided.</summary>
    public HttpApiRequestContext? RequestContext { get; set; }

    /// <summary>The body as text, or base64 when <see cref="IsBase64Encoded"/> is set.</summary>
    public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64 (binary content).</summary>
    public bool IsBase64Encoded { get; set; }
}

/// <summary>The <c>requestContext</c> of an HTTP API event: account, API, stage, caller and authorizer.</summary>
public sealed class HttpApiRequestContext
{
    /// <summary>The AWS account that owns the API.</summary>
    public string? AccountId { get; set; }

    /// <summary>The API's id.</summary>
    public string? ApiId { get; set; }

    /// <summary>The host name the client called, used to rebuild the request's <c>Host</c>.</summary>
    public string? DomainName { get; set; }

    /// <summary>API Gateway's id for this request.</summary>
    public string? RequestId { get; set; }

    /// <summary>The matched route, as in <see cref="HttpApiRequest.RouteKey"/>.</summary>
    public string? RouteKey { get; set; }

    /// <summary>The stage name; <c>$default</c> is not part of the path.</summary>
    public string? Stage { get; set; }

    /// <summary>Method, path, protocol and client of the HTTP request.</summary>
    public HttpApiHttpDescription? Http { get; set; }

    /// <summary>Mutual-TLS details, when the custom domain requires a client certificate.</summary>
    public HttpApiAuthentication? Authentication { get; set; }

    /// <summary>What the route's authorizer decided; absent on routes without one.</summary>
    public HttpApiAuthorizer? Authorizer { get; set; }
}

/// <summary>The HTTP line and the client of an HTTP API request.</summary>
public sealed class HttpApiHttpDescription
{
    /// <summary>The HTTP method.</summary>
    public string? Method { get; set; }

    /// <summary>The decoded request path.</summary>
    public string? Path { get; set; }

    /// <summary>The protocol, such as <c>HTTP/1.1</c>.</summary>
    public string? Protocol { get; set; }

    /// <summary>The client's IP address, as API Gateway saw it.</summary>
    public string? SourceIp { get; set; }

    /// <summary>The <c>User-Agent</c> header.</summary>
    public string? UserAgent { get; set; }
}

/// <summary>Mutual-TLS information of an HTTP API request.</summary>
public sealed class HttpApiAuthentication
{
    /// <summary>The client certificate, when mutual TLS is configured.</summary>
    public ClientCertificateInfo? ClientCert { get; set; }
}

/// <summary>Whichever authorizer ran: JWT claims and scopes, a Lambda authorizer's context, or the IAM caller.</summary>
public sealed class HttpApiAuthorizer
{
    /// <summary>Claims and scopes of a validated JWT, for JWT authorizers.</summary>
    public HttpApiJwtAuthorizer? Jwt { get; set; }

    /// <summary>The context a Lambda authorizer returned.</summary>
    public Dictionary<string, JsonElement>? Lambda { get; set; }

    /// <summary>The signing caller's identity, for IAM authorization.</summary>
    public Dictionary<string, JsonElement>? Iam { get; set; }
}

/// <summary>A JWT authorizer's result: the token's claims and scopes.</summary>
public sealed class HttpApiJwtAuthorizer
{
    /// <summary>The token's claims; a claim may be any JSON value.</summary>
    public Dictionary<string, JsonElement>? Claims { get; set; }

    /// <summary>The token's scopes.</summary>
    public List<string>? Scopes { get; set; }
}
