namespace Tenancy.Local.Emulator.Auth;

/// <summary>Why a request's SigV4 authentication failed; each protocol maps it to its own AWS error code.</summary>
public enum SigV4Failure
{
    None,
    MissingAuthentication,
    MalformedAuthorization,
    UnknownAccessKey,
    MissingOrWrongSessionToken,
    ExpiredToken,
    SignatureMismatch,
    RequestTimeTooSkewed,
    PayloadHashMismatch,
}
