namespace Tenancy.ControlPlane.Metering;

/// <summary>An hour may be closed only after it ended and the grace for late deliveries passed.</summary>
public sealed class HourNotFinishedException(string message) : Exception(message);
