using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.Sts;

namespace Tenancy.Local.Emulator.Services.Identity;

/// <summary>
/// A Cognito-like token issuer at <c>http://127.0.0.1:&lt;port&gt;/&lt;userPoolId&gt;</c>: OIDC discovery, JWKS
/// (all keys, so rotation keeps old tokens verifiable), sign-in for demo users returning Cognito-shaped RS256 ID and
/// access tokens, hooks to mint deliberately bad tokens, and web identity verification for local STS.
/// </summary>
public sealed class LocalIssuer : IWebIdentityVerifier, IDisposable
{
    public const string SessionTagsClaim = "https://aws.amazon.com/tags";
    private readonly LocalIssuerOptions _options;
    private readonly TimeProvider _time;
    private readonly List<IssuerSigningKey> _keys = [];
    private readonly Lock _keysGate = new();
    private readonly ConcurrentDictionary<string, (DemoUser User, byte[] Salt, byte[] Hash)> _users = new(StringComparer.Ordinal);

    public LocalIssuer(Uri baseUrl, LocalIssuerOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        IssuerUrl = $"{baseUrl.ToString().TrimEnd('/')}/{options.UserPoolId}";
        RotateSigningKey();
    }

    /// <summary>The <c>iss</c> of every token, and the OIDC authority.</summary>
    public string IssuerUrl { get; }

    public string JwksUrl => IssuerUrl + "/.well-known/jwks.json";

    public string UserPoolId => _options.UserPoolId;

    public string ClientId => _options.ClientId;

    /// <summary>How long issued tokens are valid.</summary>
    public TimeSpan TokenLifetime => _options.TokenLifetime;

    public string ProviderName => IssuerUrl[(IssuerUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];

    /// <summary>Replaces the default pre-token step (which copies the tenant attributes of the user).</summary>
    public PreTokenGeneration? PreTokenGeneration { get; set; }

    public string CurrentKeyId
    {
        get
        {
            lock (_keysGate)
            {
                return _keys[^1].KeyId;
            }
        }
    }

    /// <summary>Adds a new signing key and signs with it from now on; older keys stay in the JWKS.</summary>
    public string RotateSigningKey()
    {
        var key = new IssuerSigningKey(Base64Url.Encode(RandomNumberGenerator.GetBytes(12)));
        lock (_keysGate)
        {
            _keys.Add(key);
        }

        return key.KeyId;
    }

    /// <summary>Drops a key from the JWKS (tokens it signed stop verifying).</summary>
    public bool RetireSigningKey(string keyId)
    {
        lock (_keysGate)
        {
            return _keys.Count > 1 && _keys.RemoveAll(k => k.KeyId == keyId) > 0;
        }
    }

    public DemoUser AddUser(string username, string password, string email, string? tenantId, string? tenantTier, IReadOnlyList<string>? groups = null)
    {
        var user = new DemoUser(username, Guid.NewGuid().ToString(), email, tenantId, tenantTier, groups ?? []);
        var salt = RandomNumberGenerator.GetBytes(16);
        if (!_users.TryAdd(username, (user, salt, HashPassword(password, salt))))
        {
            throw new InvalidOperationException($"User {username} already exists.");
        }

        return user;
    }

    public DemoUser? FindUser(string username) => _users.TryGetValue(username, out var entry) ? entry.User : null;

    /// <summary>Signs a user in; null when the user or password is wrong.</summary>
    public (string IdToken, string AccessToken)? SignIn(string username, string password)
    {
        if (!_users.TryGetValue(username, out var entry) || !CryptographicOperations.FixedTimeEquals(HashPassword(password, entry.Salt), entry.Hash))
        {
            return null;
        }

        var session = NewSessionIds();
        return (Mint(entry.User, TokenUse.Id, TokenDefect.None, session), Mint(entry.User, TokenUse.Access, TokenDefect.None, session));
    }

    /// <summary>Mints a token for <paramref name="username"/>, optionally broken on purpose (test hook).</summary>
    /// <param name="username">A user added with <see cref="AddUser"/>.</param>
    /// <param name="use">ID or access token.</param>
    /// <param name="defect">What to break.</param>
    /// <param name="editClaims">Edits the claims before signing (e.g. drop the tenant claim).</param>
    /// <param name="tamperedTenantId">For <see cref="TokenDefect.TamperedTenant"/>: the tenant written over the signed claim.</param>
    public string MintToken(string username, TokenUse use, TokenDefect defect = TokenDefect.None, Action<JsonObject>? editClaims = null, string? tamperedTenantId = null) =>
        Mint(FindUser(username) ?? throw new InvalidOperationException($"No user {username}."), use, defect, NewSessionIds(), editClaims, tamperedTenantId);

    /// <summary>Signs claims built elsewhere (the local cognito-idp) with the current key, so every token shares one JWKS.</summary>
    public string SignClaims(JsonObject claims) => Sign(claims, TokenDefect.None, null);

    public JsonObject Discovery() => new()
    {
        ["issuer"] = IssuerUrl,
        ["jwks_uri"] = JwksUrl,
        ["authorization_endpoint"] = IssuerUrl + "/oauth2/authorize",
        ["token_endpoint"] = IssuerUrl + "/signin",
        ["response_types_supported"] = new JsonArray("code", "token"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["scopes_supported"] = new JsonArray("openid", "email", "profile"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post"),
    };

    public JsonObject Jwks()
    {
        lock (_keysGate)
        {
            return new JsonObject { ["keys"] = new JsonArray(_keys.Select(k => (JsonNode)k.ToJwk()).ToArray()) };
        }
    }

    public WebIdentity? Verify(string token, out string errorCode, out string error)
    {
        errorCode = "InvalidIdentityToken";
        var parts = token.Split('.');
        if (parts.Length != 3 || Base64Url.TryDecode(parts[0]) is not { } headerBytes || Base64Url.TryDecode(parts[1]) is not { } payloadBytes || Base64Url.TryDecode(parts[2]) is not { } signature)
        {
            error = "The web identity token is not a JWT.";
            return null;
        }

        JsonObject header, claims;
        try
        {
            header = JsonNode.Parse(headerBytes) as JsonObject ?? [];
            claims = JsonNode.Parse(payloadBytes) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            error = "The web identity token is not valid JSON.";
            return null;
        }

        IssuerSigningKey? key;
        lock (_keysGate)
        {
            key = _keys.FirstOrDefault(k => k.KeyId == Text(header, "kid"));
        }

        if (Text(header, "alg") != "RS256" || key is null || !key.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature))
        {
            error = "Couldn't verify the web identity token's signature.";
            return null;
        }

        if (Text(claims, "iss") != IssuerUrl)
        {
            error = "Issuer of the web identity token is not trusted.";
            return null;
        }

        var audience = Text(claims, "aud") ?? Text(claims, "client_id");
        if (audience != _options.ClientId)
        {
            error = "Incorrect token audience.";
            return null;
        }

        var expires = claims["exp"] is JsonValue e && e.TryGetValue<long>(out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : DateTimeOffset.MinValue;
        if (expires <= _time.GetUtcNow())
        {
            errorCode = "ExpiredTokenException";
            error = $"Token expired: current date/time {_time.GetUtcNow():O} must be before the expiration date/time {expires:O}";
            return null;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var transitive = new List<string>();
        if (claims[SessionTagsClaim] is JsonObject tagClaim)
        {
            foreach (var (name, value) in tagClaim["principal_tags"] as JsonObject ?? [])
            {
                // The claim gives each tag as a one-element array (or a string).
                var first = value is JsonArray array ? array.FirstOrDefault() : value;
                if (first is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    tags[name] = text;
                }
            }

            transitive.AddRange((tagClaim["transitive_tag_keys"] as JsonArray ?? []).Select(k => k?.GetValue<string>() ?? string.Empty).Where(tags.ContainsKey));
        }

        error = string.Empty;
        return new WebIdentity(IssuerUrl, Text(claims, "sub") ?? string.Empty, audience!, expires, tags, transitive);
    }

    public void Dispose()
    {
        lock (_keysGate)
        {
            foreach (var key in _keys)
            {
                key.Dispose();
            }
        }
    }

    private string Mint(DemoUser user, TokenUse use, TokenDefect defect, (string OriginJti, string EventId, long AuthTime) session, Action<JsonObject>? editClaims = null, string? tamperedTenantId = null)
    {
        var now = _time.GetUtcNow();
        var issuedAt = defect == TokenDefect.Expired ? now.AddHours(-2) : now;
        var expires = defect == TokenDefect.Expired ? now.AddHours(-1) : now + _options.TokenLifetime;
        var claims = new JsonObject
        {
            ["sub"] = user.Subject,
            ["iss"] = defect == TokenDefect.WrongIssuer ? IssuerUrl.Replace(_options.UserPoolId, "us-east-1_SomeoneElse", StringComparison.Ordinal) : IssuerUrl,
            ["origin_jti"] = session.OriginJti,
            ["event_id"] = session.EventId,
            ["token_use"] = use == TokenUse.Id ? "id" : "access",
            ["auth_time"] = session.AuthTime,
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var audience = defect == TokenDefect.WrongAudience ? "anotherappclient000000001" : _options.ClientId;
        if (user.Groups.Count > 0)
        {
            claims["cognito:groups"] = new JsonArray(user.Groups.Select(g => (JsonNode)JsonValue.Create(g)).ToArray());
        }

        if (use == TokenUse.Id)
        {
            claims["aud"] = audience;
            claims["cognito:username"] = user.Username;
            claims["email"] = user.Email;
            claims["email_verified"] = true;
        }
        else
        {
            claims["client_id"] = audience;
            claims["scope"] = "aws.cognito.signin.user.admin";
            claims["username"] = user.Username;
        }

        (PreTokenGeneration ?? AddTenantClaims)(user, use, claims);
        editClaims?.Invoke(claims);
        return Sign(claims, defect, tamperedTenantId);
    }

    private void AddTenantClaims(DemoUser user, TokenUse use, JsonObject claims)
    {
        if (user.TenantId is null)
        {
            return;
        }

        claims["custom:tenantID"] = user.TenantId;
        if (user.TenantTier is not null)
        {
            claims["custom:tenantTier"] = user.TenantTier;
        }

        if (use == TokenUse.Id && _options.IncludeSessionTagsClaim)
        {
            claims[SessionTagsClaim] = new JsonObject
            {
                ["principal_tags"] = new JsonObject { ["TenantID"] = new JsonArray(user.TenantId) },
                ["transitive_tag_keys"] = new JsonArray("TenantID"),
            };
        }
    }

    private string Sign(JsonObject claims, TokenDefect defect, string? tamperedTenantId)
    {
        IssuerSigningKey current;
        lock (_keysGate)
        {
            current = _keys[^1];
        }

        if (defect == TokenDefect.AlgNone)
        {
            return Base64Url.Encode(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }.ToJsonString())) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString())) + ".";
        }

        using var stranger = defect is TokenDefect.UnknownKey or TokenDefect.ForgedKeyId ? new IssuerSigningKey("unknown-" + Base64Url.Encode(RandomNumberGenerator.GetBytes(6))) : null;
        var signer = stranger ?? current;
        var keyId = defect == TokenDefect.ForgedKeyId ? current.KeyId : signer.KeyId;
        var header = Base64Url.Encode(Encoding.UTF8.GetBytes(new JsonObject { ["kid"] = keyId, ["alg"] = "RS256" }.ToJsonString()));
        var payload = Base64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = Base64Url.Encode(signer.Sign(Encoding.ASCII.GetBytes(header + "." + payload)));
        if (defect == TokenDefect.TamperedTenant)
        {
            // Edit the signed payload after signing, as an attacker would, keeping the original signature.
            claims["custom:tenantID"] = tamperedTenantId ?? "tampered-" + ((string?)claims["custom:tenantID"] ?? "tenant");
            payload = Base64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        }

        return header + "." + payload + "." + signature;
    }

    private (string, string, long) NewSessionIds() => (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), _time.GetUtcNow().ToUnixTimeSeconds());

    private static byte[] HashPassword(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 10_000, HashAlgorithmName.SHA256, 32);

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
