namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// The objects-deletion input names no valid tenant, or its cursor was not produced for this tenant. Nothing is
/// deleted; the state machine fails the step instead of deleting from a guessed position.
/// </summary>
public sealed class InvalidObjectsDeletionRequestException(string message) : Exception(message);
