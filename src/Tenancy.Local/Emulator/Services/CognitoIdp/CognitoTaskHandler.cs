using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>
/// <c>aws-sdk:cognitoidentityprovider:*</c> tasks against the local user pool (the same directory the cognito-idp
/// endpoint serves, so a user a workflow creates can sign in), errors under the <c>CognitoIdentityProvider.</c> prefix.
/// </summary>
public sealed class CognitoTaskHandler : IAwsSdkTaskHandler
{
    private const string InvalidParameter = "InvalidParameterException";
    private readonly CognitoUserPool _pool;
    private readonly TimeProvider _time;

    public CognitoTaskHandler(CognitoUserPool pool, TimeProvider time)
    {
        _pool = pool;
        _time = time;
    }

    public string Service => "cognitoidentityprovider";

    public Task<StateMachineTaskOutcome> HandleAsync(string action, JsonNode? parameters, CancellationToken cancellationToken)
    {
        try
        {
            EnsurePool(parameters);
            return Task.FromResult(StateMachineTaskOutcome.Success(action switch
            {
                "adminCreateUser" => AdminCreateUser(parameters),
                "adminGetUser" => AdminGetUser(parameters),
                "adminDeleteUser" => Empty(() => _pool.DeleteUser(TaskParameters.Required(parameters, "Username", InvalidParameter))),
                "adminAddUserToGroup" => Empty(() => _pool.AddToGroup(TaskParameters.Required(parameters, "Username", InvalidParameter), TaskParameters.Required(parameters, "GroupName", InvalidParameter))),
                "createGroup" => CreateGroup(parameters),
                "deleteGroup" => Empty(() => _pool.DeleteGroup(TaskParameters.Required(parameters, "GroupName", InvalidParameter))),
                "listUsersInGroup" => ListUsersInGroup(parameters),
                _ => throw AwsServiceException.ClientError(InvalidParameter, $"The local user pool does not run '{action}' as a task."),
            }));
        }
        catch (AwsServiceException e)
        {
            return Task.FromResult(StateMachineTaskOutcome.Failure($"CognitoIdentityProvider.{e.Code}", e.Message));
        }
    }

    // A task naming another pool fails as Cognito would, never silently acting on the local one.
    private void EnsurePool(JsonNode? parameters)
    {
        var poolId = TaskParameters.Required(parameters, "UserPoolId", InvalidParameter);
        if (!string.Equals(poolId, _pool.UserPoolId, StringComparison.Ordinal))
        {
            throw CognitoErrors.PoolNotFound(poolId);
        }
    }

    private JsonObject AdminCreateUser(JsonNode? parameters)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in (parameters?["UserAttributes"] as JsonArray ?? []).OfType<JsonObject>())
        {
            attributes[TaskParameters.Required(attribute, "Name", InvalidParameter)] = TaskParameters.Text(attribute, "Value") ?? string.Empty;
        }

        var user = _pool.CreateUser(
            TaskParameters.Required(parameters, "Username", InvalidParameter),
            attributes,
            TaskParameters.Text(parameters, "TemporaryPassword"),
            _time.GetUtcNow());
        return new JsonObject { ["User"] = UserJson(user) };
    }

    // AdminGetUser names the attribute list UserAttributes, unlike the user object other actions return.
    private JsonObject AdminGetUser(JsonNode? parameters)
    {
        var user = UserJson(_pool.User(TaskParameters.Required(parameters, "Username", InvalidParameter)));
        user["UserAttributes"] = user["Attributes"]!.DeepClone();
        user.Remove("Attributes");
        return user;
    }

    private JsonObject CreateGroup(JsonNode? parameters)
    {
        var precedence = parameters?["Precedence"] is JsonValue v && v.TryGetValue<int>(out var p) ? p : (int?)null;
        var group = _pool.CreateGroup(
            TaskParameters.Required(parameters, "GroupName", InvalidParameter),
            TaskParameters.Text(parameters, "Description"),
            precedence,
            TaskParameters.Text(parameters, "RoleArn"),
            _time.GetUtcNow());
        var json = new JsonObject
        {
            ["GroupName"] = group.GroupName,
            ["UserPoolId"] = _pool.UserPoolId,
            ["CreationDate"] = Seconds(group.CreatedAt),
            ["LastModifiedDate"] = Seconds(group.CreatedAt),
        };
        if (group.Description is not null)
        {
            json["Description"] = group.Description;
        }

        return new JsonObject { ["Group"] = json };
    }

    private JsonObject ListUsersInGroup(JsonNode? parameters)
    {
        var limit = parameters?["Limit"] is JsonValue v && v.TryGetValue<int>(out var l) ? l : 60;
        if (limit is < 0 or > 60)
        {
            throw CognitoErrors.InvalidParameter($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        }

        var users = _pool.UsersInGroup(TaskParameters.Required(parameters, "GroupName", InvalidParameter));
        return new JsonObject { ["Users"] = new JsonArray(users.Take(limit == 0 ? 60 : limit).Select(u => (JsonNode)UserJson(u)).ToArray()) };
    }

    private JsonObject UserJson(CognitoUser user) => _pool.Locked(() => new JsonObject
    {
        ["Username"] = user.Username,
        ["Attributes"] = new JsonArray(user.Attributes
            .OrderBy(a => a.Key == "sub" ? 0 : 1).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => (JsonNode)new JsonObject { ["Name"] = a.Key, ["Value"] = a.Value })
            .ToArray()),
        ["UserCreateDate"] = Seconds(user.CreatedAt),
        ["UserLastModifiedDate"] = Seconds(user.ModifiedAt),
        ["Enabled"] = user.Enabled,
        ["UserStatus"] = user.StatusText,
    });

    private static JsonObject Empty(Action action)
    {
        action();
        return [];
    }

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
