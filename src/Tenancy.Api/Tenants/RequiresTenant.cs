namespace Tenancy.Api.Tenants;

/// <summary>Endpoint metadata: the request must be narrowed to the caller's tenant before the endpoint runs.</summary>
public sealed class RequiresTenant
{
    public static readonly RequiresTenant Instance = new();

    private RequiresTenant()
    {
    }
}
