namespace Tenancy.Lambda.Hosting.Features;

/// <summary>The Lambda invocation behind an <c>HttpContext</c>: its context and the API Gateway event it came from.</summary>
public interface ILambdaInvocationFeature
{
    /// <summary>The Runtime API's description of the invocation this request came from.</summary>
    LambdaInvocationContext Context { get; }

    /// <summary>The deserialized event: <see cref="Events.RestApiRequest"/> or <see cref="Events.HttpApiRequest"/>.</summary>
    object Event { get; }
}
