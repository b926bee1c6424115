namespace Tenancy.Local.Gateway;

/// <summary>Finds the usage plan an API key value belongs to (API Gateway's key → plan association).</summary>
public interface IUsagePlanLookup
{
    /// <summary>The plan of <paramref name="apiKeyValue"/>, or null when the key is in no plan of this API.</summary>
    UsagePlanLimits? Find(string apiKeyValue);
}
