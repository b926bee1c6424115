namespace Tenancy.ControlPlane.Identity;

/// <summary>The members of an API Gateway REST <c>REQUEST</c> authorizer event the authorizer reads; others are ignored.</summary>
public sealed record AuthorizerRequest
{
    public string? Type { get; init; }

    public string? MethodArn { get; init; }

    public Dictionary<string, string?>? Headers { get; init; }
}
