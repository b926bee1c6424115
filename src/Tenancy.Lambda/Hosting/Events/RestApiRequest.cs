using System.Text.Json;

namespace Tenancy.Lambda.Hosting.Events;

/// <summary>An API Gateway REST API proxy event (payload format 1.0), as far as the server reads it.</summary>
public sealed class RestApiRequest
{
    /// <summary>The resource path that matched, such as <c>/orders/{id}</c>.</summary>
    public string? Resource { get; set; }

    /// <summary>The request path, including the stage only for default endpoints.</summary>
    public string? Path { get; set; }

    /// <summary>The HTTP method.</summary>
    public string? HttpMethod { get; set; }

    /// <summary>Request headers with their last value.</summary>
    public Dictionary<string, string?>? Headers { get; set; }

    /// <summary>Request headers with every value.</summary>
    public Dictionary<string, List<string?>?>? MultiValueHeaders { get; set; }

    /// <summary>Query parameters with their last value.</summary>
    public Dictionary<string, string?>? QueryStringParameters { get; set; }

    /// <summary>Query parameters with every value.</summary>
    public Dictionary<string, List<string?>?>? MultiValueQueryStringParameters { get; set; }

    /// <summary>Values of the resource's path variables.</summary>
    public Dictionary<string, string?>? PathParameters { get; set; }

    /// <summary>The stage's variables.</summary>
    public Dictionary<string, string?>? StageVariables { get; set; }

    /// <summary>Who called, through which API and stage, and what the authorizer decided.</summary>
    public RestApiRequestContext? RequestContext { get; set; }

    /// <summary>The body as text, or base64 when <see cref="IsBase64Encoded"/> is set.</summary>
    public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64 (binary content).</summary>
    public bool IsBase64Encoded { get; set; }
}

/// <summary>The <c>requestContext</c> of a REST API event: account, API, stage, caller and authorizer.</summary>
public sealed class RestApiRequestContext
{
    /// <summary>The AWS account that owns the API.</summary>
    public string? AccountId { get; set; }

    /// <summary>The API's id.</summary>
    public string? ApiId { get; set; }

    /// <summary>The host name the client called, used to rebuild the request's <c>Host</c>.</summary>
    public string? DomainName { get; set; }

    /// <summary>The stage name.</summary>
    public string? Stage { get; set; }

    /// <summary>The request path including the stage, as API Gateway routed it.</summary>
    public string? Path { get; set; }

    /// <summary>The protocol, such as <c>HTTP/1.1</c>.</summary>
    public string? Protocol { get; set; }

    /// <summary>API Gateway's id for this request.</summary>
    public string? RequestId { get; set; }

    /// <summary>The matched resource path template.</summary>
    public string? ResourcePath { get; set; }

    /// <summary>The WebSocket connection id; null for REST requests.</summary>
    public string? ConnectionId { get; set; }

    /// <summary>The caller: address, user agent and client certificate.</summary>
    public RestApiIdentity? Identity { get; set; }

    /// <summary>Cognito user-pool claims under <c>claims</c>, or a Lambda authorizer's context (any JSON values).</summary>
    public Dictionary<string, JsonElement>? Authorizer { get; set; }
}

/// <summary>The caller of a REST API request.</summary>
public sealed class RestApiIdentity
{
    /// <summary>The client's IP address, as API Gateway saw it.</summary>
    public string? SourceIp { get; set; }

    /// <summary>The <c>User-Agent</c> header.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The client certificate, when mutual TLS is configured.</summary>
    public ClientCertificateInfo? ClientCert { get; set; }
}

/// <summary>The mutual-TLS client certificate API Gateway forwards.</summary>
public sealed class ClientCertificateInfo
{
    /// <summary>The certificate in PEM form, as the client presented it.</summary>
    public string? ClientCertPem { get; set; }

    /// <summary>The certificate's subject distinguished name.</summary>
    public string? SubjectDN { get; set; }

    /// <summary>The certificate's issuer distinguished name.</summary>
    public string? IssuerDN { get; set; }

    /// <summary>The certificate's serial number.</summary>
    public string? SerialNumber { get; set; }
}
