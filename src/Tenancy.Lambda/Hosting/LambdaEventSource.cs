namespace Tenancy.Lambda.Hosting;

/// <summary>Which API Gateway integration invokes the function (the shape of the events and responses).</summary>
public enum LambdaEventSource
{
    /// <summary>REST API, Lambda proxy integration, payload format 1.0.</summary>
    RestApi,

    /// <summary>HTTP API, payload format 2.0.</summary>
    HttpApi,
}
