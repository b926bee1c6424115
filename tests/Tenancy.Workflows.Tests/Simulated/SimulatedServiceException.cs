namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>A service error as Step Functions names it (<c>CognitoIdentityProvider.UserNotFoundException</c>…).</summary>
public sealed class SimulatedServiceException(string error, string message) : Exception(message)
{
    public string Error { get; } = error;
}
