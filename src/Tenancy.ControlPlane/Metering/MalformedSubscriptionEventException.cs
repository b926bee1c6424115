namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// The delivery itself (not one of its lines) cannot be read: not base64, not gzip, not the subscription JSON. The
/// invocation fails so the platform's retry and failure destination see it; nothing of it is counted.
/// </summary>
public sealed class MalformedSubscriptionEventException(string message, Exception? inner = null) : Exception(message, inner);
