using Microsoft.Extensions.Logging;
using Tenancy.Identity;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Lambda;

namespace Tenancy.ControlPlane.Identity;

/// <summary>
/// The REST API's <c>REQUEST</c> authorizer. It verifies the bearer token with the same <see cref="AccessTokenVerifier"/>
/// as the API, requires the token's tenant to be <see cref="TenantStatus.Active"/> with an API key, and allows
/// <c>execute-api:Invoke</c> on this API's stage with the context {tenantId, tier, model} and the tenant's key as
/// <c>usageIdentifierKey</c> (so the tier's usage plan throttles each tenant on its own key). A missing or bad token
/// fails with <c>Unauthorized</c> (401); a genuine token whose tenant cannot be served, or any other failure, gets a
/// Deny policy (403). Nothing else ever leaves the function.
/// </summary>
public sealed partial class AuthorizerFunction
{
    private const string Allow = "Allow";
    private const string Deny = "Deny";

    private readonly AccessTokenVerifier _verifier;
    private readonly ITenantRegistry _registry;
    private readonly ILogger _logger;

    public AuthorizerFunction(AccessTokenVerifier verifier, ITenantRegistry registry, ILogger logger)
    {
        _verifier = verifier;
        _registry = registry;
        _logger = logger;
    }

    public async Task<AuthorizerResponse> HandleAsync(AuthorizerRequest request, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Type != "REQUEST" || !MethodArn.TryParse(request.MethodArn, out var methodArn))
        {
            LogRefused(_logger, "the event is not a REST REQUEST authorizer event with a method ARN");
            throw new UnauthorizedException();
        }

        VerifiedUser user;
        try
        {
            user = await _verifier.VerifyAsync(Header(request, "Authorization"), cancellationToken).ConfigureAwait(false);
        }
        catch (TokenRejectedException rejected)
        {
            LogRefused(_logger, rejected.Message);
            throw new UnauthorizedException();
        }
        catch (TenantClaimRejectedException rejected)
        {
            LogRefused(_logger, rejected.Message);
            return Denied("unknown", methodArn!);
        }

        try
        {
            var registration = await _registry.FindAsync(user.TenantId, cancellationToken).ConfigureAwait(false);
            if (registration is not { Status: TenantStatus.Active } || string.IsNullOrEmpty(registration.Resources.ApiKeyValue))
            {
                LogRefused(_logger, $"tenant '{user.TenantId.Value}' is not registered, not active or has no API key");
                return Denied(user.Subject, methodArn!);
            }

            return new AuthorizerResponse
            {
                PrincipalId = user.Subject,
                PolicyDocument = Policy(Allow, methodArn!),
                Context = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["tenantId"] = registration.TenantId.Value,
                    ["tier"] = TenantRegistryItemCodec.TierName(registration.Tier),
                    ["model"] = TenantRegistryItemCodec.ModelName(registration.Placement.Model),
                },
                UsageIdentifierKey = registration.Resources.ApiKeyValue,
            };
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Fail closed: an unreachable or unreadable registry denies rather than letting the gateway show an error.
            LogRegistryFailed(_logger, failure, user.TenantId.Value);
            return Denied(user.Subject, methodArn!);
        }
    }

    private static AuthorizerResponse Denied(string principalId, MethodArn methodArn) =>
        new() { PrincipalId = principalId, PolicyDocument = Policy(Deny, methodArn) };

    private static AuthorizerPolicy Policy(string effect, MethodArn methodArn) =>
        new() { Statement = [new AuthorizerStatement { Effect = effect, Resource = methodArn.StageResource }] };

    private static string? Header(AuthorizerRequest request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    [LoggerMessage(1, LogLevel.Information, "Authorization refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Error, "The registry lookup of tenant {TenantId} failed; denied")]
    private static partial void LogRegistryFailed(ILogger logger, Exception exception, string tenantId);
}
