namespace Tenancy.Local.Emulator.Auth;

/// <summary>Who holds a set of local credentials.</summary>
public enum PrincipalKind
{
    /// <summary>The local cloud's own setup code and control-plane tests: allowed everything.</summary>
    Admin,

    /// <summary>A function's or state machine's execution role, as Lambda gives it: only what that role allows in <c>template.yaml</c>.</summary>
    ExecutionRole,

    /// <summary>A session vended by local STS for a role in <c>template.yaml</c>.</summary>
    RoleSession,
}
