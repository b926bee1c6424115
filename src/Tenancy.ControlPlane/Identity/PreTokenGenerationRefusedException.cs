namespace Tenancy.ControlPlane.Identity;

/// <summary>
/// The trigger refuses to let Cognito issue tokens (missing or malformed tenant attribute, tenant unknown or not
/// active, an event that is not V2_0). Throwing is the only way a trigger stops the sign-in; Cognito shows the user a
/// generic failure and issues no token.
/// </summary>
public sealed class PreTokenGenerationRefusedException : Exception
{
    public PreTokenGenerationRefusedException(string message)
        : base(message)
    {
    }
}
