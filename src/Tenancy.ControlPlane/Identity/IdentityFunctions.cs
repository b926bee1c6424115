using Tenancy.Identity;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Lambda.Functions;
using Tenancy.Lambda.Runtime;

namespace Tenancy.ControlPlane.Identity;

/// <summary>
/// Registers the <c>authorizer</c> and <c>pre-token-generation</c> handlers. Their dependencies are built on the first
/// invocation, so a function only needs the settings of the handler it runs.
/// </summary>
public static class IdentityFunctions
{
    public const string Authorizer = "authorizer";
    public const string PreTokenGeneration = "pre-token-generation";

    public static LambdaFunctionHost Map(LambdaFunctionHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var registry = new Lazy<ITenantRegistry>(() => TenantRegistryFactory.CreateWithFunctionCredentials());
        var preToken = new Lazy<PreTokenGenerationFunction>(() => new PreTokenGenerationFunction(registry.Value));
        var authorizer = new Lazy<AuthorizerFunction>(() => new AuthorizerFunction(CreateVerifier(), registry.Value, StandardErrorLogger.Instance));
        return host
            .Map(PreTokenGeneration, IdentityJsonContext.Default.JsonObject, IdentityJsonContext.Default.JsonObject, (e, c, t) => preToken.Value.HandleAsync(e, c, t))
            .Map(Authorizer, IdentityJsonContext.Default.AuthorizerRequest, IdentityJsonContext.Default.AuthorizerResponse, (e, c, t) => authorizer.Value.HandleAsync(e, c, t));
    }

    private static AccessTokenVerifier CreateVerifier()
    {
        var settings = TokenSettingsFromEnvironment.Read();
        return new AccessTokenVerifier(
            new JwksKeyStore(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, settings.JwksUri, TimeProvider.System, StandardErrorLogger.Instance),
            settings);
    }
}
