using System.Text.Json;

namespace Tenancy.Lambda.Hosting.Events;

/// <summary>An API Gateway HTTP API event (payload format 2.0), as far as the server reads it.</summary>
public sealed class HttpApiRequest
{
    public string? Version { get; set; }

    public string? RouteKey { get; set; }

    public string? RawPath { get; set; }

    public string? RawQueryString { get; set; }

    public List<string>? Cookies { get; set; }

    public Dictionary<string, string?>? Headers { get; set; }

    public Dictionary<string, string?>? QueryStringParameters { get; set; }

    public Dictionary<string, string?>? PathParameters { get; set; }

    public Dictionary<string, string?>? StageVariables { get; set; }

    public HttpApiRequestContext? RequestContext { get; set; }

    public string? Body { get; set; }

    public bool IsBase64Encoded { get; set; }
}

public sealed class HttpApiRequestContext
{
    public string? AccountId { get; set; }

    public string? ApiId { get; set; }

    public string? DomainName { get; set; }

    public string? RequestId { get; set; }

    public string? RouteKey { get; set; }

    public string? Stage { get; set; }

    public HttpApiHttpDescription? Http { get; set; }

    public HttpApiAuthentication? Authentication { get; set; }

    public HttpApiAuthorizer? Authorizer { get; set; }
}

public sealed class HttpApiHttpDescription
{
    public string? Method { get; set; }

    public string? Path { get; set; }

    public string? Protocol { get; set; }

    public string? SourceIp { get; set; }

    public string? UserAgent { get; set; }
}

public sealed class HttpApiAuthentication
{
    public ClientCertificateInfo? ClientCert { get; set; }
}

/// <summary>Whichever authorizer ran: JWT claims and scopes, a Lambda authorizer's context, or the IAM caller.</summary>
public sealed class HttpApiAuthorizer
{
    public HttpApiJwtAuthorizer? Jwt { get; set; }

    public Dictionary<string, JsonElement>? Lambda { get; set; }

    public Dictionary<string, JsonElement>? Iam { get; set; }
}

public sealed class HttpApiJwtAuthorizer
{
    public Dictionary<string, JsonElement>? Claims { get; set; }

    public List<string>? Scopes { get; set; }
}
