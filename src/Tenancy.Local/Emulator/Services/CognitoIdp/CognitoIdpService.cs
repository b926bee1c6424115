using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>
/// Local Cognito user pools over JSON 1.1 (<c>X-Amz-Target: AWSCognitoIdentityProviderService.*</c>): the
/// administrator operations the control plane uses (signed, IAM-checked on the pool's ARN) and the unsigned
/// <c>InitiateAuth</c> (<c>USER_PASSWORD_AUTH</c>, <c>REFRESH_TOKEN_AUTH</c>) that issues tokens through
/// <see cref="CognitoTokenFactory"/>, pre token generation trigger included.
/// </summary>
public sealed class CognitoIdpService : ILocalService
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";

    private readonly CognitoUserPool _pool;
    private readonly CognitoTokenFactory _tokens;
    private readonly TimeProvider _time;

    public CognitoIdpService(CognitoUserPool pool, CognitoTokenFactory tokens, TimeProvider time)
    {
        _pool = pool;
        _tokens = tokens;
        _time = time;
    }

    public string Name => "cognito-idp";

    public AwsProtocol Protocol => AwsProtocol.Json11;

    public bool Recognizes(HttpRequest request, string? scopeService) =>
        AwsRequestMatch.SignedFor(request, scopeService, Name) || AwsRequestMatch.Targets(request, scopeService, TargetPrefix);

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) => AwsRequestMatch.TargetOperation(request, TargetPrefix);

    // Cognito serves its end-user operations unsigned (the client id identifies the caller).
    public bool RequiresSignature(string operation) => operation != "InitiateAuth";

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call)
    {
        JsonObject body;
        try
        {
            body = call.Body.Length == 0 ? [] : JsonNode.Parse(call.Body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw AwsServiceException.ClientError("SerializationException", "The request body is not valid JSON.");
        }

        var operation = new CognitoOperation(call.OperationName, body);
        if (!RequiresSignature(call.OperationName))
        {
            return ValueTask.FromResult<LocalOperation>(operation);
        }

        var poolId = Text(body, "UserPoolId");
        if (poolId != _pool.UserPoolId)
        {
            throw CognitoErrors.PoolNotFound(poolId);
        }

        return ValueTask.FromResult<LocalOperation>(operation with
        {
            AccessChecks = [new AccessCheck("cognito-idp:" + call.OperationName, _pool.Arn, new RequestContext())],
        });
    }

    public async Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        var body = ((CognitoOperation)operation).Body;
        var now = _time.GetUtcNow();
        var response = operation.Name switch
        {
            "InitiateAuth" => await InitiateAuthAsync(body, call.Context.RequestAborted).ConfigureAwait(false),
            "AdminCreateUser" => AdminCreateUser(body, now),
            "AdminSetUserPassword" => Empty(() => _pool.SetPassword(Text(body, "Username"), Required(body, "Password"), body["Permanent"] is JsonValue p && p.TryGetValue<bool>(out var permanent) && permanent, now)),
            "AdminGetUser" => AdminGetUser(_pool.User(Text(body, "Username"))),
            "AdminDeleteUser" => Empty(() => _pool.DeleteUser(Text(body, "Username"))),
            "AdminUpdateUserAttributes" => Empty(() => _pool.UpdateAttributes(Text(body, "Username"), Attributes(body["UserAttributes"]), now)),
            "ListUsers" => Users(CognitoUserFilter.Apply(_pool.Users, Text(body, "Filter")), body),
            "CreateGroup" => new JsonObject { ["Group"] = GroupJson(_pool.CreateGroup(Required(body, "GroupName"), Text(body, "Description"), body["Precedence"] is JsonValue v && v.TryGetValue<int>(out var precedence) ? precedence : null, Text(body, "RoleArn"), now)) },
            "GetGroup" => new JsonObject { ["Group"] = GroupJson(_pool.Group(Text(body, "GroupName"))) },
            "DeleteGroup" => Empty(() => _pool.DeleteGroup(Text(body, "GroupName"))),
            "AdminAddUserToGroup" => Empty(() => _pool.AddToGroup(Text(body, "Username"), Text(body, "GroupName"))),
            "AdminRemoveUserFromGroup" => Empty(() => _pool.RemoveFromGroup(Text(body, "Username"), Text(body, "GroupName"))),
            "ListUsersInGroup" => Users(_pool.UsersInGroup(Text(body, "GroupName")), body),
            _ => throw AwsServiceException.ClientError("UnknownOperationException", $"The local cognito-idp does not support {operation.Name}."),
        };

        await AwsJsonResponse.WriteAsync(call.Context, response, AwsProtocol.Json11.ContentType).ConfigureAwait(false);
    }

    private async Task<JsonObject> InitiateAuthAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var clientId = Text(body, "ClientId");
        if (clientId != _pool.ClientId)
        {
            throw CognitoErrors.ClientNotFound(clientId);
        }

        var parameters = body["AuthParameters"] as JsonObject ?? [];
        var flow = Text(body, "AuthFlow");
        return flow switch
        {
            "USER_PASSWORD_AUTH" => await PasswordAuthAsync(parameters, cancellationToken).ConfigureAwait(false),
            "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN" => await RefreshAuthAsync(parameters, cancellationToken).ConfigureAwait(false),
            _ => throw CognitoErrors.InvalidParameter($"1 validation error detected: Value '{flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN] (the local cognito-idp's subset)"),
        };
    }

    private async Task<JsonObject> PasswordAuthAsync(JsonObject parameters, CancellationToken cancellationToken)
    {
        var username = Text(parameters, "USERNAME") ?? throw CognitoErrors.InvalidParameter("Missing required parameter USERNAME");
        var password = Text(parameters, "PASSWORD") ?? throw CognitoErrors.InvalidParameter("Missing required parameter PASSWORD");
        var user = _pool.Locked(() => _pool.Users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)));

        // Pools created today prevent user-existence errors: an unknown user looks like a wrong password.
        if (user is null || !user.PasswordMatches(password))
        {
            throw CognitoErrors.NotAuthorized();
        }

        if (!user.Enabled)
        {
            throw CognitoErrors.NotAuthorized("User is disabled.");
        }

        if (user.Status == CognitoUserStatus.ForceChangePassword)
        {
            return new JsonObject
            {
                ["ChallengeName"] = "NEW_PASSWORD_REQUIRED",
                ["Session"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
                ["ChallengeParameters"] = new JsonObject { ["USER_ID_FOR_SRP"] = user.Username, ["requiredAttributes"] = "[]" },
            };
        }

        var (idToken, accessToken) = await _tokens.IssueAsync(_pool, user, "TokenGeneration_Authentication", cancellationToken).ConfigureAwait(false);
        return Authenticated(idToken, accessToken, _pool.IssueRefreshToken(user));
    }

    private async Task<JsonObject> RefreshAuthAsync(JsonObject parameters, CancellationToken cancellationToken)
    {
        var user = _pool.RefreshTokenUser(Text(parameters, "REFRESH_TOKEN") ?? throw CognitoErrors.InvalidParameter("Missing required parameter REFRESH_TOKEN"));
        var (idToken, accessToken) = await _tokens.IssueAsync(_pool, user, "TokenGeneration_RefreshTokens", cancellationToken).ConfigureAwait(false);
        return Authenticated(idToken, accessToken, refreshToken: null);
    }

    private JsonObject Authenticated(string idToken, string accessToken, string? refreshToken)
    {
        var result = new JsonObject
        {
            ["AccessToken"] = accessToken,
            ["ExpiresIn"] = (int)_tokens.Lifetime.TotalSeconds,
            ["TokenType"] = "Bearer",
            ["IdToken"] = idToken,
        };
        if (refreshToken is not null)
        {
            result["RefreshToken"] = refreshToken;
        }

        return new JsonObject { ["ChallengeParameters"] = new JsonObject(), ["AuthenticationResult"] = result };
    }

    private JsonObject AdminCreateUser(JsonObject body, DateTimeOffset now)
    {
        var username = Required(body, "Username");
        var action = Text(body, "MessageAction");
        if (action is not (null or "SUPPRESS" or "RESEND"))
        {
            throw CognitoErrors.InvalidParameter($"1 validation error detected: Value '{action}' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]");
        }

        // No messages are sent locally; RESEND only applies to an existing user, as in Cognito.
        var user = action == "RESEND" ? _pool.User(username) : _pool.CreateUser(username, Attributes(body["UserAttributes"]), Text(body, "TemporaryPassword"), now);
        return new JsonObject { ["User"] = UserJson(user, "Attributes", null) };
    }

    private JsonObject AdminGetUser(CognitoUser user) => UserJson(user, "UserAttributes", null);

    private JsonObject Users(IEnumerable<CognitoUser> users, JsonObject body)
    {
        var attributesToGet = body["AttributesToGet"] is JsonArray names ? names.Select(n => n?.GetValue<string>() ?? string.Empty).ToHashSet(StringComparer.Ordinal) : null;
        var limit = body["Limit"] is JsonValue l && l.TryGetValue<int>(out var max) ? max : 60;
        if (limit is < 0 or > 60)
        {
            throw CognitoErrors.InvalidParameter($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        }

        return new JsonObject { ["Users"] = new JsonArray(users.Take(limit == 0 ? 60 : limit).Select(u => (JsonNode)UserJson(u, "Attributes", attributesToGet)).ToArray()) };
    }

    private JsonObject UserJson(CognitoUser user, string attributesName, HashSet<string>? attributesToGet) => _pool.Locked(() => new JsonObject
    {
        ["Username"] = user.Username,
        [attributesName] = AttributesJson(user, attributesToGet),
        ["UserCreateDate"] = Seconds(user.CreatedAt),
        ["UserLastModifiedDate"] = Seconds(user.ModifiedAt),
        ["Enabled"] = user.Enabled,
        ["UserStatus"] = user.StatusText,
    });

    private JsonArray AttributesJson(CognitoUser user, HashSet<string>? attributesToGet) => _pool.Locked(() => new JsonArray(user.Attributes
        .Where(a => attributesToGet is null || attributesToGet.Contains(a.Key))
        .OrderBy(a => a.Key == "sub" ? 0 : 1).ThenBy(a => a.Key, StringComparer.Ordinal)
        .Select(a => (JsonNode)new JsonObject { ["Name"] = a.Key, ["Value"] = a.Value })
        .ToArray()));

    private JsonObject GroupJson(CognitoGroup group)
    {
        var json = new JsonObject
        {
            ["GroupName"] = group.GroupName,
            ["UserPoolId"] = _pool.UserPoolId,
            ["LastModifiedDate"] = Seconds(group.CreatedAt),
            ["CreationDate"] = Seconds(group.CreatedAt),
        };
        if (group.Description is not null)
        {
            json["Description"] = group.Description;
        }

        if (group.Precedence is { } precedence)
        {
            json["Precedence"] = precedence;
        }

        if (group.RoleArn is not null)
        {
            json["RoleArn"] = group.RoleArn;
        }

        return json;
    }

    private static Dictionary<string, string> Attributes(JsonNode? node)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in (node as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(attribute, "Name") ?? throw CognitoErrors.InvalidParameter("1 validation error detected: Value null at 'userAttributes.member.name' failed to satisfy constraint: Member must not be null");
            attributes[name] = Text(attribute, "Value") ?? string.Empty;
        }

        return attributes;
    }

    private static JsonObject Empty(Action action)
    {
        action();
        return [];
    }

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    private static string Required(JsonObject body, string name) =>
        Text(body, name) ?? throw CognitoErrors.InvalidParameter($"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
