namespace Tenancy.Local.Emulator.Auth;

/// <summary>The outcome of verifying a request's SigV4 signature.</summary>
public sealed record SigV4Result(LocalPrincipal? Principal, SigV4Failure Failure, string Message, string? Service)
{
    public bool Succeeded => Principal is not null && Failure == SigV4Failure.None;

    public static SigV4Result Fail(SigV4Failure failure, string message, string? service = null) => new(null, failure, message, service);
}
