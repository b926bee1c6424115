namespace Tenancy.Api.Tenants;

/// <summary>
/// The tenant's data is being moved between pool and silo (<c>docs/tier-change.md</c>): its writes are refused until
/// the move switches or rolls back, so none lands in a table that is about to stop being read. Reads are served.
/// </summary>
public sealed class TenantMovingException : Exception
{
    public TenantMovingException()
        : base("The tenant's data is being moved; writes are refused until the move finishes.")
    {
    }

    public TenantMovingException(string message)
        : base(message)
    {
    }

    public TenantMovingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
