namespace Tenancy.ControlPlane.Identity;

/// <summary>
/// Makes API Gateway answer 401: a REST authorizer signals "no or bad credentials" by failing with the error message
/// exactly <c>Unauthorized</c>. The reason is logged, never sent.
/// </summary>
public sealed class UnauthorizedException : Exception
{
    public const string GatewayMessage = "Unauthorized";

    public UnauthorizedException()
        : base(GatewayMessage)
    {
    }
}
