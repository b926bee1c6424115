namespace Tenancy.Isolation;

/// <summary>Where a tenant's data lives: the shared pooled table, or a table (and key) of its own.</summary>
public enum TenancyModel
{
    Pool = 0,
    Silo = 1,
}
