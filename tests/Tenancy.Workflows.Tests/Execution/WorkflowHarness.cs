using System.Text.Json.Nodes;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.Kms;
using Tenancy.Local.Emulator.Services.StepFunctions;
using Tenancy.Workflows.Tests.Simulated;

namespace Tenancy.Workflows.Tests.Execution;

/// <summary>
/// Runs the repository's real onboarding and offboarding definitions in aws-local-stepfunctions, with every Task
/// answered in-process: KMS by the local cloud's key store, the other services and the control-plane functions by
/// simulations that keep state and raise the service's real error names. Failures are injectable per state.
/// </summary>
public sealed class WorkflowHarness
{
    public const string BasicPlan = "plan-basic";
    public const string PremiumPlan = "plan-premium";
    public const int KeyDeletionWindowInDays = 30;

    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static StepFunctionsToolsInstallation? _tools;
    private readonly LocalStateMachineRunner _runner;
    private int _executions;

    private WorkflowHarness(StepFunctionsToolsInstallation tools)
    {
        Functions = new SimulatedFunctions(Registry, Data);
        Faults = new FaultInjectingTaskDispatcher(new LocalTaskDispatcher(
            Functions,
            [new KmsTaskHandler(Keys, TimeProvider.System), Cognito, ApiGateway, Tables, Events]));
        _runner = new LocalStateMachineRunner(tools, Faults);
    }

    public KmsKeyStore Keys { get; } = new();

    public SimulatedRegistry Registry { get; } = new();

    public SimulatedTenantData Data { get; } = new();

    public SimulatedFunctions Functions { get; }

    public SimulatedCognito Cognito { get; } = new();

    public SimulatedApiGateway ApiGateway { get; } = new(BasicPlan, PremiumPlan);

    public SimulatedDynamoDbTables Tables { get; } = new();

    public SimulatedEventBridge Events { get; } = new();

    public FaultInjectingTaskDispatcher Faults { get; }

    public static async Task<WorkflowHarness> CreateAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            _tools ??= await StepFunctionsToolsInstallation.EnsureInstalledAsync();
        }
        finally
        {
            InstallGate.Release();
        }

        return new WorkflowHarness(_tools);
    }

    public static IReadOnlyDictionary<string, string> Substitutions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RegistryFunctionArn"] = FunctionArn("RegistryFunction"),
        ["PooledDataDeletionFunctionArn"] = FunctionArn("PooledDataDeletionFunction"),
        ["TenantObjectsDeletionFunctionArn"] = FunctionArn("TenantObjectsDeletionFunction"),
        ["UserPoolId"] = $"{LocalAccount.Region}_LocalPool",
        ["BasicUsagePlanId"] = BasicPlan,
        ["PremiumUsagePlanId"] = PremiumPlan,
        ["AppDataTableName"] = "AppData",
        ["EventBusName"] = "tenancy-local-tenant-lifecycle",
        ["KeyDeletionWindowInDays"] = KeyDeletionWindowInDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public Task<StateMachineExecutionResult> OnboardAsync(string tenantId, string tier, string adminEmail) =>
        RunAsync("onboarding", new JsonObject { ["tenantId"] = tenantId, ["name"] = $"{tenantId} Inc.", ["tier"] = tier, ["adminEmail"] = adminEmail }, tenantId);

    public Task<StateMachineExecutionResult> OffboardAsync(string tenantId) =>
        RunAsync("offboarding", new JsonObject { ["tenantId"] = tenantId }, tenantId);

    /// <summary>Every resource of the tenant that still exists (a live key, its alias, its table, users, group, API keys).</summary>
    public IReadOnlyList<string> ResourcesLeft(string tenantId)
    {
        var left = new List<string>();
        left.AddRange(Keys.Keys.Where(k => k.Tags.GetValueOrDefault("TenantID") == tenantId && k.State != KmsKeyState.PendingDeletion).Select(k => $"key {k.KeyId} ({k.State})"));
        left.AddRange(Keys.Aliases.Where(a => a.Alias == $"alias/tenancy/{tenantId}").Select(a => $"alias {a.Alias}"));
        left.AddRange(Tables.TableNames().Where(t => t == $"AppData-{tenantId}").Select(t => $"table {t}"));
        left.AddRange(Cognito.Users().Where(u => Cognito.AttributesOf(u).GetValueOrDefault("custom:tenantID") == tenantId).Select(u => $"user {u}"));
        left.AddRange(Cognito.Groups().Where(g => g == $"tenant-{tenantId}").Select(g => $"group {g}"));
        left.AddRange(ApiGateway.KeyIdsTaggedWith(tenantId).Select(k => $"api key {k}"));
        return left;
    }

    private async Task<StateMachineExecutionResult> RunAsync(string machine, JsonObject input, string tenantId)
    {
        var definition = DefinitionSubstitutions.Apply(StateMachineFiles.Text($"{machine}.asl.json"), Substitutions);
        var name = $"{machine}-{tenantId}-{Interlocked.Increment(ref _executions)}";
        return await _runner.RunAsync($"tenancy-{machine}", definition, input, name, StateMachineRunOptions.Fast);
    }

    private static string FunctionArn(string logicalId) => $"arn:aws:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:{logicalId}";
}
