namespace Tenancy.Local.Emulator.Services.Identity;

/// <summary>Deliberately broken tokens the issuer can mint for negative tests of token validation.</summary>
public enum TokenDefect
{
    None,

    /// <summary>Expired an hour ago (and issued two hours ago).</summary>
    Expired,

    /// <summary>Signed correctly but with a different <c>iss</c>.</summary>
    WrongIssuer,

    /// <summary>Signed correctly but for another app client (<c>aud</c>/<c>client_id</c>).</summary>
    WrongAudience,

    /// <summary>Signed, then the tenant claim edited (signature no longer matches).</summary>
    TamperedTenant,

    /// <summary><c>alg: none</c> and an empty signature.</summary>
    AlgNone,

    /// <summary>Signed with a key that is not in the JWKS (its <c>kid</c> is unknown).</summary>
    UnknownKey,

    /// <summary>Signed with a key whose <c>kid</c> claims to be the issuer's current key.</summary>
    ForgedKeyId,
}
