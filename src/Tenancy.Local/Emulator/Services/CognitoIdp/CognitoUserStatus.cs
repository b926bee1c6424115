namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>The user statuses the local user pool models (Cognito's <c>UserStatus</c> values).</summary>
public enum CognitoUserStatus
{
    /// <summary>Created by an administrator with a temporary password; must set a new one at first sign-in.</summary>
    ForceChangePassword,

    /// <summary>Has a permanent password.</summary>
    Confirmed,
}
