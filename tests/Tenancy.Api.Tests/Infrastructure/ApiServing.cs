namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>How the e2e requests reach the API.</summary>
public enum ApiServing
{
    /// <summary>
    /// As in AWS: the local REST API front (authorizer, usage plans, gateway responses), then the API function's
    /// bootstrap through a local Lambda Runtime API.
    /// </summary>
    Gateway,

    /// <summary>Straight to the API on Kestrel, for debugging (<c>TENANCY_API_TESTS_FRONT=kestrel</c>).</summary>
    Kestrel,
}
