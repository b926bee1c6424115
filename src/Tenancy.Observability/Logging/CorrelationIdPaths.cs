namespace Tenancy.Observability.Logging;

/// <summary>
/// JSON pointers to the correlation id of common events, for <see cref="LogCorrelation.FromEvent"/>. Unlike
/// Powertools these are evaluated on the raw event, so they use the event's own (camelCase) member names.
/// </summary>
public static class CorrelationIdPaths
{
    /// <summary>API Gateway REST API (payload v1): the API Gateway request id.</summary>
    public const string ApiGatewayRest = "/requestContext/requestId";

    /// <summary>API Gateway HTTP API (payload v2): the API Gateway request id.</summary>
    public const string ApiGatewayHttp = "/requestContext/requestId";

    /// <summary>Application Load Balancer: the trace header.</summary>
    public const string ApplicationLoadBalancer = "/headers/x-amzn-trace-id";

    /// <summary>EventBridge: the event id.</summary>
    public const string EventBridge = "/id";
}
