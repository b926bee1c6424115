using System.Security.Cryptography;

namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>
/// The local user pool's directory: users (usernames case-insensitive, as new pools are), groups, refresh tokens,
/// and the schema's rules — undeclared custom attributes are refused, immutable ones can be set only at creation,
/// passwords follow Cognito's default policy. All changes go through one lock.
/// </summary>
public sealed class CognitoUserPool
{
    // The standard OIDC attributes Cognito pools accept (custom ones must be declared).
    private static readonly HashSet<string> StandardAttributes = new(StringComparer.Ordinal)
    {
        "address", "birthdate", "email", "email_verified", "family_name", "gender", "given_name", "locale", "middle_name",
        "name", "nickname", "phone_number", "phone_number_verified", "picture", "preferred_username", "profile",
        "updated_at", "website", "zoneinfo",
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CognitoUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CognitoGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, bool> _customAttributes;

    public CognitoUserPool(string userPoolId, string clientId, IReadOnlyDictionary<string, bool> customAttributes, string? preTokenGenerationFunction)
    {
        UserPoolId = userPoolId;
        ClientId = clientId;
        _customAttributes = customAttributes;
        PreTokenGenerationFunction = preTokenGenerationFunction;
    }

    public string UserPoolId { get; }

    public string ClientId { get; }

    public string Arn => $"arn:{LocalAccount.Partition}:cognito-idp:{LocalAccount.Region}:{LocalAccount.Id}:userpool/{UserPoolId}";

    /// <summary>The logical id of the V2_0 pre token generation function, or null when the pool has no trigger.</summary>
    public string? PreTokenGenerationFunction { get; }

    /// <summary>Runs <paramref name="action"/> under the pool's lock (every read or change of users and groups).</summary>
    public T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    /// <summary>Whether <paramref name="name"/> is one of the standard attributes every pool has (a template's <c>Schema</c> may list them too).</summary>
    public static bool IsStandardAttribute(string name) => StandardAttributes.Contains(name);

    /// <summary>Whether the schema declares the custom attribute <paramref name="name"/> (<c>custom:…</c>).</summary>
    public bool Declares(string name) => _customAttributes.ContainsKey(name);

    public CognitoUser CreateUser(string username, IReadOnlyDictionary<string, string> attributes, string? temporaryPassword, DateTimeOffset now)
    {
        ValidateAttributes(attributes, creating: true);
        if (temporaryPassword is not null)
        {
            EnsurePolicy(temporaryPassword);
        }

        lock (_gate)
        {
            if (_users.ContainsKey(username))
            {
                throw CognitoErrors.UsernameExists();
            }

            var user = new CognitoUser(username, now);
            foreach (var (name, value) in attributes)
            {
                user.Attributes[name] = value;
            }

            user.SetPassword(temporaryPassword ?? GeneratedPassword());
            _users.Add(username, user);
            return user;
        }
    }

    public CognitoUser User(string? username)
    {
        lock (_gate)
        {
            return username is not null && _users.TryGetValue(username, out var user) ? user : throw CognitoErrors.UserNotFound();
        }
    }

    public IReadOnlyList<CognitoUser> Users
    {
        get
        {
            lock (_gate)
            {
                return _users.Values.OrderBy(u => u.CreatedAt).ThenBy(u => u.Username, StringComparer.Ordinal).ToArray();
            }
        }
    }

    public void DeleteUser(string? username)
    {
        lock (_gate)
        {
            var user = User(username);
            _users.Remove(user.Username);
            foreach (var token in _refreshTokens.Where(t => t.Value == user.Username).Select(t => t.Key).ToArray())
            {
                _refreshTokens.Remove(token);
            }
        }
    }

    public void SetPassword(string? username, string password, bool permanent, DateTimeOffset now)
    {
        EnsurePolicy(password);
        lock (_gate)
        {
            var user = User(username);
            user.SetPassword(password);
            user.Status = permanent ? CognitoUserStatus.Confirmed : CognitoUserStatus.ForceChangePassword;
            user.ModifiedAt = now;
        }
    }

    public void UpdateAttributes(string? username, IReadOnlyDictionary<string, string> attributes, DateTimeOffset now)
    {
        ValidateAttributes(attributes, creating: false);
        lock (_gate)
        {
            var user = User(username);
            foreach (var (name, value) in attributes)
            {
                user.Attributes[name] = value;
            }

            user.ModifiedAt = now;
        }
    }

    public CognitoGroup CreateGroup(string name, string? description, int? precedence, string? roleArn, DateTimeOffset now)
    {
        lock (_gate)
        {
            var group = new CognitoGroup(name, description, precedence, roleArn, now);
            return _groups.TryAdd(name, group) ? group : throw CognitoErrors.GroupExists(name);
        }
    }

    public CognitoGroup Group(string? name)
    {
        lock (_gate)
        {
            return name is not null && _groups.TryGetValue(name, out var group) ? group : throw CognitoErrors.GroupNotFound();
        }
    }

    public void DeleteGroup(string? name)
    {
        lock (_gate)
        {
            var group = Group(name);
            _groups.Remove(group.GroupName);
            foreach (var user in _users.Values)
            {
                user.Groups.Remove(group.GroupName);
            }
        }
    }

    public void AddToGroup(string? username, string? groupName)
    {
        lock (_gate)
        {
            var user = User(username);
            user.Groups.Add(Group(groupName).GroupName);
        }
    }

    public void RemoveFromGroup(string? username, string? groupName)
    {
        lock (_gate)
        {
            var user = User(username);
            user.Groups.Remove(Group(groupName).GroupName);
        }
    }

    public IReadOnlyList<CognitoUser> UsersInGroup(string? groupName)
    {
        lock (_gate)
        {
            var group = Group(groupName);
            return _users.Values.Where(u => u.Groups.Contains(group.GroupName)).OrderBy(u => u.Username, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The user's groups ordered as Cognito orders <c>cognito:groups</c>: by precedence, then name.</summary>
    public IReadOnlyList<string> GroupsOf(CognitoUser user)
    {
        lock (_gate)
        {
            return user.Groups.Select(g => _groups[g]).OrderBy(g => g.Precedence ?? int.MaxValue).ThenBy(g => g.GroupName, StringComparer.Ordinal).Select(g => g.GroupName).ToArray();
        }
    }

    public string IssueRefreshToken(CognitoUser user)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('+', '-').Replace('/', '_');
        lock (_gate)
        {
            _refreshTokens[token] = user.Username;
        }

        return token;
    }

    /// <summary>The user a refresh token was issued to; NotAuthorizedException when unknown or revoked (user deleted).</summary>
    public CognitoUser RefreshTokenUser(string? token)
    {
        lock (_gate)
        {
            return token is not null && _refreshTokens.TryGetValue(token, out var username) && _users.TryGetValue(username, out var user)
                ? user
                : throw CognitoErrors.NotAuthorized("Invalid Refresh Token");
        }
    }

    private void ValidateAttributes(IReadOnlyDictionary<string, string> attributes, bool creating)
    {
        foreach (var name in attributes.Keys)
        {
            if (name.StartsWith("custom:", StringComparison.Ordinal))
            {
                if (!_customAttributes.TryGetValue(name, out var mutable))
                {
                    throw CognitoErrors.InvalidParameter($"Attributes did not conform to the schema: {name}: Attribute does not exist in the schema.\n");
                }

                if (!creating && !mutable)
                {
                    throw CognitoErrors.InvalidParameter($"Invalid user attributes: {name}: Attribute cannot be updated. (changing an immutable attribute)");
                }
            }
            else if (name == "sub")
            {
                throw CognitoErrors.InvalidParameter("Invalid user attributes: sub: Attribute cannot be updated. (changing an immutable attribute)");
            }
            else if (!StandardAttributes.Contains(name))
            {
                throw CognitoErrors.InvalidParameter($"Attributes did not conform to the schema: {name}: Attribute does not exist in the schema.\n");
            }
        }
    }

    // Cognito's default password policy: 8+ characters with a lowercase, an uppercase, a number and a symbol.
    private static void EnsurePolicy(string password)
    {
        var reason = password.Length < 8 ? "Password not long enough"
            : !password.Any(char.IsLower) ? "Password must have lowercase characters"
            : !password.Any(char.IsUpper) ? "Password must have uppercase characters"
            : !password.Any(char.IsDigit) ? "Password must have numeric characters"
            : password.All(char.IsLetterOrDigit) ? "Password must have symbol characters"
            : null;
        if (reason is not null)
        {
            throw CognitoErrors.InvalidPassword(reason);
        }
    }

    private static string GeneratedPassword() => "Tmp-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "a1!";
}
