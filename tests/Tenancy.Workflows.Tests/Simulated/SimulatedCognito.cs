using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>The user-pool admin API subset the workflows call: groups, admin users, membership, paged group listing.</summary>
public sealed class SimulatedCognito : SimulatedServiceBase
{
    private readonly Dictionary<string, Dictionary<string, string>> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _groups = new(StringComparer.Ordinal);

    public override string Service => "cognitoidentityprovider";

    protected override string ErrorPrefix => "CognitoIdentityProvider";

    public IReadOnlyDictionary<string, string> AttributesOf(string username)
    {
        lock (Gate)
        {
            return new Dictionary<string, string>(_users[username], StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<string> Users()
    {
        lock (Gate)
        {
            return [.. _users.Keys];
        }
    }

    public IReadOnlyList<string> Groups()
    {
        lock (Gate)
        {
            return [.. _groups.Keys];
        }
    }

    public IReadOnlyList<string> MembersOf(string group)
    {
        lock (Gate)
        {
            return [.. _groups[group]];
        }
    }

    /// <summary>Adds a user the way a tenant admin would after onboarding (so offboarding has several to delete).</summary>
    public void AddTenantUser(string username, string tenantId)
    {
        lock (Gate)
        {
            _users[username] = new(StringComparer.Ordinal) { ["custom:tenantID"] = tenantId };
            _groups[$"tenant-{tenantId}"].Add(username);
        }
    }

    protected override JsonNode Handle(string action, JsonNode parameters)
    {
        switch (action)
        {
            case "createGroup":
                var created = Text(parameters, "GroupName");
                if (!_groups.TryAdd(created, new HashSet<string>(StringComparer.Ordinal)))
                {
                    throw Error("GroupExistsException", "A group with the name already exists.");
                }

                return new JsonObject { ["Group"] = new JsonObject { ["GroupName"] = created } };
            case "deleteGroup":
                if (!_groups.Remove(Text(parameters, "GroupName")))
                {
                    throw Error("ResourceNotFoundException", "Group not found.");
                }

                return new JsonObject();
            case "adminCreateUser":
                var username = Text(parameters, "Username");
                var attributes = parameters["UserAttributes"]!.AsArray()
                    .ToDictionary(a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>(), StringComparer.Ordinal);
                if (!_users.TryAdd(username, attributes))
                {
                    throw Error("UsernameExistsException", "User account already exists.");
                }

                return new JsonObject { ["User"] = new JsonObject { ["Username"] = username, ["UserStatus"] = "FORCE_CHANGE_PASSWORD" } };
            case "adminGetUser":
                if (!_users.TryGetValue(Text(parameters, "Username"), out var found))
                {
                    throw Error("UserNotFoundException", "User does not exist.");
                }

                var userAttributes = new JsonArray();
                foreach (var (name, value) in found)
                {
                    userAttributes.Add(new JsonObject { ["Name"] = name, ["Value"] = value });
                }

                return new JsonObject { ["Username"] = Text(parameters, "Username"), ["UserAttributes"] = userAttributes };
            case "adminAddUserToGroup":
                var member = Text(parameters, "Username");
                if (!_users.ContainsKey(member))
                {
                    throw Error("UserNotFoundException", "User does not exist.");
                }

                if (!_groups.TryGetValue(Text(parameters, "GroupName"), out var group))
                {
                    throw Error("ResourceNotFoundException", "Group not found.");
                }

                group.Add(member);
                return new JsonObject();
            case "adminDeleteUser":
                var deleted = Text(parameters, "Username");
                if (!_users.Remove(deleted))
                {
                    throw Error("UserNotFoundException", "User does not exist.");
                }

                foreach (var members in _groups.Values)
                {
                    members.Remove(deleted);
                }

                return new JsonObject();
            case "listUsersInGroup":
                if (!_groups.TryGetValue(Text(parameters, "GroupName"), out var listed))
                {
                    throw Error("ResourceNotFoundException", "Group not found.");
                }

                var limit = parameters["Limit"]?.GetValue<int>() ?? 60;
                var page = new JsonArray();
                foreach (var user in listed.Order(StringComparer.Ordinal).Take(limit))
                {
                    page.Add(new JsonObject { ["Username"] = user });
                }

                return new JsonObject { ["Users"] = page };
            default:
                throw Error("InvalidParameterException", $"Unsupported action {action}.");
        }
    }
}
