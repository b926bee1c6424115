namespace Tenancy.Local.Emulator.Services.Sts;

/// <summary>A verified web identity token: who it is, for which client, and the session tags it asks for.</summary>
public sealed record WebIdentity(
    string Issuer,
    string Subject,
    string Audience,
    DateTimeOffset Expiration,
    IReadOnlyDictionary<string, string> PrincipalTags,
    IReadOnlyList<string> TransitiveTagKeys);
