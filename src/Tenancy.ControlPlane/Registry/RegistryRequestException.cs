namespace Tenancy.ControlPlane.Registry;

/// <summary>The registry function's input is incomplete or names an unknown transition; never retried.</summary>
public sealed class RegistryRequestException : Exception
{
    public RegistryRequestException(string message)
        : base(message)
    {
    }
}
