namespace Tenancy.Local.Emulator.Auth;

/// <summary>Who holds a set of local credentials.</summary>
public enum PrincipalKind
{
    /// <summary>The local cloud's own setup code and control-plane tests: allowed everything.</summary>
    Admin,

    /// <summary>The API function's execution role: only what ApiFunctionRole allows in <c>template.yaml</c>.</summary>
    ApiFunction,

    /// <summary>A session vended by local STS for a role in <c>template.yaml</c>.</summary>
    RoleSession,
}
