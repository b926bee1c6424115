using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Identity;

/// <summary>The REST authorizer's output: principal, IAM policy, context and (when allowed) the tenant's API key value.</summary>
public sealed record AuthorizerResponse
{
    public required string PrincipalId { get; init; }

    public required AuthorizerPolicy PolicyDocument { get; init; }

    /// <summary><c>tenantId</c>, <c>tier</c>, <c>model</c>; read by the integration as <c>$context.authorizer.*</c>.</summary>
    public Dictionary<string, string>? Context { get; init; }

    /// <summary>The tenant's API key value (the REST API's key source is <c>AUTHORIZER</c>).</summary>
    public string? UsageIdentifierKey { get; init; }
}

/// <summary>An IAM policy document as API Gateway expects it (PascalCase members).</summary>
public sealed record AuthorizerPolicy
{
    [JsonPropertyName("Version")]
    public string Version { get; init; } = "2012-10-17";

    [JsonPropertyName("Statement")]
    public required IReadOnlyList<AuthorizerStatement> Statement { get; init; }
}

/// <summary>One statement: <c>execute-api:Invoke</c> allowed or denied on a resource.</summary>
public sealed record AuthorizerStatement
{
    [JsonPropertyName("Action")]
    public string Action { get; init; } = "execute-api:Invoke";

    [JsonPropertyName("Effect")]
    public required string Effect { get; init; }

    [JsonPropertyName("Resource")]
    public required string Resource { get; init; }
}
