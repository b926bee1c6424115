namespace Tenancy.Isolation;

/// <summary>Where a tenant's data lives: the shared pooled table, or a table (and key) of its own.</summary>
public enum TenancyModel
{
    /// <summary>The tenant's items share tables and keys with other tenants, separated by partition key and IAM conditions.</summary>
    Pool = 0,
    /// <summary>The tenant has its own table and key.</summary>
    Silo = 1,
}
