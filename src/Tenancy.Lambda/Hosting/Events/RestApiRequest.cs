using System.Text.Json;

namespace Tenancy.Lambda.Hosting.Events;

/// <summary>An API Gateway REST API proxy event (payload format 1.0), as far as the server reads it.</summary>
public sealed class RestApiRequest
{
    public string? Resource { get; set; }

    public string? Path { get; set; }

    public string? HttpMethod { get; set; }

    public Dictionary<string, string?>? Headers { get; set; }

    public Dictionary<string, List<string?>?>? MultiValueHeaders { get; set; }

    public Dictionary<string, string?>? QueryStringParameters { get; set; }

    public Dictionary<string, List<string?>?>? MultiValueQueryStringParameters { get; set; }

    public Dictionary<string, string?>? PathParameters { get; set; }

    public Dictionary<string, string?>? StageVariables { get; set; }

    public RestApiRequestContext? RequestContext { get; set; }

    public string? Body { get; set; }

    public bool IsBase64Encoded { get; set; }
}

public sealed class RestApiRequestContext
{
    public string? AccountId { get; set; }

    public string? ApiId { get; set; }

    public string? DomainName { get; set; }

    public string? Stage { get; set; }

    public string? Path { get; set; }

    public string? Protocol { get; set; }

    public string? RequestId { get; set; }

    public string? ResourcePath { get; set; }

    public string? ConnectionId { get; set; }

    public RestApiIdentity? Identity { get; set; }

    /// <summary>Cognito user-pool claims under <c>claims</c>, or a Lambda authorizer's context (any JSON values).</summary>
    public Dictionary<string, JsonElement>? Authorizer { get; set; }
}

public sealed class RestApiIdentity
{
    public string? SourceIp { get; set; }

    public string? UserAgent { get; set; }

    public ClientCertificateInfo? ClientCert { get; set; }
}

/// <summary>The mutual-TLS client certificate API Gateway forwards.</summary>
public sealed class ClientCertificateInfo
{
    public string? ClientCertPem { get; set; }

    public string? SubjectDN { get; set; }

    public string? IssuerDN { get; set; }

    public string? SerialNumber { get; set; }
}
