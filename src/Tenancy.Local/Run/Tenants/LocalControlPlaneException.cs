namespace Tenancy.Local.Run.Tenants;

/// <summary>The local cloud refused an operator call (a service error, not a failed workflow).</summary>
public sealed class LocalControlPlaneException : Exception
{
    public LocalControlPlaneException()
    {
    }

    public LocalControlPlaneException(string message)
        : base(message)
    {
    }

    public LocalControlPlaneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
