using Tenancy.Lambda;
using Tenancy.Lambda.Hosting.Features;

namespace Microsoft.AspNetCore.Http;

/// <summary>Access to the Lambda invocation from a request.</summary>
public static class HttpContextLambdaExtensions
{
    /// <summary>The invocation this request came from, or null when the app runs on Kestrel.</summary>
    public static LambdaInvocationContext? GetLambdaInvocationContext(this HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Features.Get<ILambdaInvocationFeature>()?.Context;
    }
}
