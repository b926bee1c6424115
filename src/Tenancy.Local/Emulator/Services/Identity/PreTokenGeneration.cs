using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.Identity;

/// <summary>
/// The local equivalent of Cognito's V2_0 pre token generation trigger: called for each token with the user and its
/// claims, it may add or override claims in both the ID and the access token. The default adds the tenant claims
/// from the user's control-plane attributes; the client never supplies them.
/// </summary>
public delegate void PreTokenGeneration(DemoUser user, TokenUse use, JsonObject claims);
