namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// The deletion input names no valid tenant, or its cursor is not one this tenant's deletion produced. Nothing is
/// deleted; the state machine fails the step instead of deleting from a guessed position or another tenant's shards.
/// </summary>
public sealed class InvalidDeletionRequestException(string message) : Exception(message);
