namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>
/// What a local API Gateway front needs from the management API: the usage plan that governs an API key value
/// (the <c>usageIdentifierKey</c> an authorizer returns). Null when the key is unknown, disabled or in no plan, which
/// API Gateway answers with 403 Forbidden.
/// </summary>
public interface IApiKeyUsagePlans
{
    ApiKeyUsagePlan? FindByApiKeyValue(string apiKeyValue);
}
