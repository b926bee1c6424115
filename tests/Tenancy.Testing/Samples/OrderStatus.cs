namespace Tenancy.Testing.Samples;

public enum OrderStatus
{
    Pending,
    Shipped,
    Cancelled,
}
