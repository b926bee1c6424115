namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>What an injected fault makes a service answer.</summary>
public enum LocalFaultKind
{
    /// <summary>HTTP 503 <c>ServiceUnavailable</c>, as AWS answers during an outage (the SDK retries it, then gives up).</summary>
    Unavailable,

    /// <summary>The service's throttling error: <c>Throttling</c> (STS, awsQuery) or <c>ThrottlingException</c> (JSON services), HTTP 400.</summary>
    Throttle,
}
