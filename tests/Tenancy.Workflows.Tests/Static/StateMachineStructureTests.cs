using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Static;

/// <summary>
/// Rules the definitions must keep that no validator checks: every Task retries and catches, every provisioning
/// failure enters compensation, compensation undoes creation in reverse order and tolerates what is already gone,
/// and error names use the casing each integration really raises.
/// </summary>
public sealed class StateMachineStructureTests
{
    private const string CompensationEntry = "CompensateApiKey";

    private static readonly Dictionary<string, string> ErrorPrefixByService = new(StringComparer.Ordinal)
    {
        ["kms"] = "Kms.",
        ["dynamodb"] = "DynamoDb.",
        ["cognitoidentityprovider"] = "CognitoIdentityProvider.",
        ["apigateway"] = "ApiGateway.",
    };

    public static TheoryData<string> Definitions() => [.. StateMachineFiles.Names()];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_task_has_a_retry_with_backoff_and_a_catch(string file)
    {
        var tasks = StateMachineFiles.Tasks(StateMachineFiles.Load(file));

        Assert.NotEmpty(tasks);
        foreach (var (name, task) in tasks)
        {
            var retries = task["Retry"] as JsonArray;
            Assert.True(retries is { Count: > 0 }, $"{file}: {name} has no Retry.");
            Assert.All(retries!, r => Assert.True(r!["BackoffRate"]!.GetValue<double>() >= 1, $"{file}: {name} retries without backoff."));
            Assert.True(task["Catch"] is JsonArray { Count: > 0 }, $"{file}: {name} has no Catch.");
        }
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Error_names_use_the_casing_of_the_integration_that_raises_them(string file)
    {
        foreach (var (name, task) in StateMachineFiles.Tasks(StateMachineFiles.Load(file)))
        {
            var resource = task["Resource"]!.GetValue<string>();
            var expectedPrefix = resource switch
            {
                "arn:aws:states:::lambda:invoke" => "Lambda.",
                "arn:aws:states:::events:putEvents" => "EventBridge.",
                _ => ErrorPrefixByService[resource.Split(':')[^2]],
            };
            var names = (task["Retry"] as JsonArray ?? []).Concat(task["Catch"] as JsonArray ?? [])
                .SelectMany(rule => rule!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()));
            // A function error is named by the function's errorType, which has no service prefix.
            var isFunction = resource == "arn:aws:states:::lambda:invoke";
            Assert.All(names, error => Assert.True(
                error.StartsWith("States.", StringComparison.Ordinal) || error.StartsWith(expectedPrefix, StringComparison.Ordinal) || (isFunction && !error.Contains('.', StringComparison.Ordinal)),
                $"{file}: {name} ({resource}) names error '{error}', expected the prefix '{expectedPrefix}'."));
        }
    }

    [Fact]
    public void Every_provisioning_failure_enters_compensation()
    {
        var definition = StateMachineFiles.Load("onboarding.asl.json");
        var compensation = Reachable(definition, CompensationEntry);
        var provisioning = StateMachineFiles.Tasks(definition).Where(t => !compensation.Contains(t.Key)).ToList();

        var notCompensated = new List<string>();
        foreach (var (name, task) in provisioning)
        {
            var catchAll = task["Catch"]!.AsArray().Single(c => c!["ErrorEquals"]!.AsArray().Any(e => e!.GetValue<string>() == "States.ALL"));
            if (catchAll!["Next"]!.GetValue<string>() != CompensationEntry)
            {
                notCompensated.Add(name);
            }
            else
            {
                Assert.Equal("$.failure", catchAll["ResultPath"]!.GetValue<string>());
            }
        }

        // Registration fails before anything exists; the event is published after the tenant is already ACTIVE.
        Assert.Equal(["PublishTenantOnboarded", "RegisterTenant"], notCompensated.Order(StringComparer.Ordinal));
        Assert.True(provisioning.Count >= 10, $"Only {provisioning.Count} provisioning tasks found.");
    }

    [Fact]
    public void Compensation_undoes_creation_in_reverse_order_and_tolerates_not_found()
    {
        var definition = StateMachineFiles.Load("onboarding.asl.json");
        var states = StateMachineFiles.States(definition);

        var premiumPath = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AlreadyActive"] = "ResolveTier",
            ["ResolveTier"] = "PlaceInSilo",
            ["FindTenantKey"] = "CreateTenantKey", // a first run: no alias is found
            ["IsSilo"] = "CreateSiloTable",
            ["SiloTableActive"] = "CreateTenantGroup",
        };
        var created = Chain(states, definition["StartAt"]!.GetValue<string>(), premiumPath)
            .Select(name => states[name])
            .Where(s => s["Type"]!.GetValue<string>() == "Task")
            .Select(s => s["Resource"]!.GetValue<string>())
            .Where(r => r.Contains(":create", StringComparison.Ordinal) || r.Contains(":adminCreate", StringComparison.Ordinal))
            .Select(r => string.Join(':', r.Split(':')[^2..]))
            .ToList();
        Assert.Equal(
            [
                "kms:createKey", "kms:createAlias", "dynamodb:createTable", "cognitoidentityprovider:createGroup",
                "cognitoidentityprovider:adminCreateUser", "apigateway:createApiKey", "apigateway:createUsagePlanKey",
            ],
            created);

        var undoTasks = Chain(states, CompensationEntry, new Dictionary<string, string>(StringComparer.Ordinal)).Select(n => (Name: n, State: states[n])).Where(s => s.State["Type"]!.GetValue<string>() == "Task").ToList();
        Assert.Equal(
            [
                "apigateway:deleteApiKey", "cognitoidentityprovider:adminDeleteUser", "cognitoidentityprovider:deleteGroup",
                "dynamodb:deleteTable", "kms:scheduleKeyDeletion", "kms:deleteAlias", "lambda:invoke",
            ],
            undoTasks.Select(t => string.Join(':', t.State["Resource"]!.GetValue<string>().Split(':')[^2..])));

        foreach (var (name, task) in undoTasks.Where(t => t.Name != "MarkTenantFailed"))
        {
            var catches = task["Catch"]!.AsArray();
            var tolerant = catches[0]!;
            Assert.True(tolerant["ErrorEquals"]!.AsArray().Any(e => e!.GetValue<string>().EndsWith("NotFoundException", StringComparison.Ordinal)), $"{name} does not tolerate not-found.");
            Assert.Equal(task["Next"]!.GetValue<string>(), tolerant["Next"]!.GetValue<string>());
            Assert.Equal("CompensationIncomplete", catches[^1]!["Next"]!.GetValue<string>());
        }

        Assert.Equal("OnboardingFailed", states["MarkTenantFailed"]["Next"]!.GetValue<string>());
        Assert.Equal("fail", states["MarkTenantFailed"]["Parameters"]!["Payload"]!["transition"]!.GetValue<string>());
    }

    [Fact]
    public void Offboarding_shreds_the_key_with_the_configured_window_and_ends_deleted()
    {
        var definition = StateMachineFiles.Load("offboarding.asl.json");
        var states = StateMachineFiles.States(definition);
        var siloPath = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AnyUsersLeft"] = "DeleteTenantGroup",
            ["MorePooledData"] = "StartTenantObjectsDeletion",
            ["MoreTenantObjects"] = "HasSiloTable",
            ["HasSiloTable"] = "DeleteSiloTable",
        };
        var path = Chain(states, definition["StartAt"]!.GetValue<string>(), siloPath);

        var order = new[] { "SuspendTenant", "RevokeTenantApiKey", "DeleteTenantGroup", "DeletePooledData", "DeleteTenantObjects", "DeleteSiloTable", "ScheduleTenantKeyDeletion", "DeleteTenantKeyAlias", "MarkTenantDeleted" };
        Assert.Equal(order, path.Where(order.Contains));
        Assert.Equal(
            "States.StringToJson('${KeyDeletionWindowInDays}')",
            states["ScheduleTenantKeyDeletion"]["Parameters"]!["PendingWindowInDays.$"]!.GetValue<string>());
        Assert.Equal("complete-offboarding", states["MarkTenantDeleted"]["Parameters"]!["Payload"]!["transition"]!.GetValue<string>());
    }

    /// <summary>
    /// The states one path visits from <paramref name="start"/>: a state takes the target <paramref name="choices"/>
    /// names for it (a Choice rule or a Catch), else a Choice its first presence test (compensation undoes what exists), else its Default.
    /// </summary>
    private static List<string> Chain(IReadOnlyDictionary<string, JsonObject> states, string start, Dictionary<string, string> choices)
    {
        var visited = new List<string>();
        var current = start;
        while (current is not null && !visited.Contains(current))
        {
            visited.Add(current);
            var state = states[current];
            current = choices.GetValueOrDefault(current) ?? (state["Type"]!.GetValue<string>() == "Choice"
                ? state["Choices"]!.AsArray().FirstOrDefault(r => r!["IsPresent"]?.GetValue<bool>() == true)?["Next"]?.GetValue<string>()
                    ?? state["Default"]?.GetValue<string>()
                : state["Next"]?.GetValue<string>());
        }

        return visited;
    }

    private static HashSet<string> Reachable(JsonObject definition, string start)
    {
        var states = definition["States"]!.AsObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var state = states[name]!.AsObject();
            var next = new List<string?> { state["Next"]?.GetValue<string>(), state["Default"]?.GetValue<string>() };
            next.AddRange((state["Choices"] as JsonArray ?? []).Select(c => c!["Next"]!.GetValue<string>()));
            next.AddRange((state["Catch"] as JsonArray ?? []).Select(c => c!["Next"]!.GetValue<string>()));
            foreach (var target in next.OfType<string>())
            {
                pending.Push(target);
            }
        }

        return seen;
    }
}
