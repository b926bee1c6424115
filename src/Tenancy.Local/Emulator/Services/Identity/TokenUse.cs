namespace Tenancy.Local.Emulator.Services.Identity;

/// <summary>Cognito's <c>token_use</c>: the ID token (audience = client id) or the access token (<c>client_id</c> claim).</summary>
public enum TokenUse
{
    Id,
    Access,
}
