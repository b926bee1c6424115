namespace Tenancy.Local.Gateway;

/// <summary>A gateway response (API Gateway's own answer, not the function's): status, headers and body.</summary>
public sealed record GatewayResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private static readonly Dictionary<string, string> Json = new(StringComparer.Ordinal) { ["Content-Type"] = "application/json" };

    /// <summary>API Gateway's defaults for the response types the front produces.</summary>
    public static GatewayResponse Default(string type) => type switch
    {
        "UNAUTHORIZED" => new(401, Json, "{\"message\":\"Unauthorized\"}"),
        "ACCESS_DENIED" => new(403, Json, "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}"),
        "INVALID_API_KEY" => new(403, Json, "{\"message\":\"Forbidden\"}"),
        "MISSING_AUTHENTICATION_TOKEN" => new(403, Json, "{\"message\":\"Missing Authentication Token\"}"),
        "THROTTLED" => new(429, Json, "{\"message\":\"Too Many Requests\"}"),
        "QUOTA_EXCEEDED" => new(429, Json, "{\"message\":\"Limit Exceeded\"}"),
        "AUTHORIZER_FAILURE" or "AUTHORIZER_CONFIGURATION_ERROR" => new(500, Json, "{\"message\":null}"),
        _ => new(502, Json, "{\"message\": \"Internal server error\"}"),
    };
}
