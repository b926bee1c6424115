using System.Text.Json.Nodes;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;

namespace Tenancy.Local.Run.Tenants;

/// <summary>
/// <c>dotnet run --project src/Tenancy.Local -- tenants onboard|offboard|suspend|resume|list</c>: operates on the
/// tenants of the running local cloud the way an operator does in AWS: lifecycle state machine executions and
/// registry transitions through the registry function. Exit code 0 when done, 1 when the workflow or transition
/// failed, 2 for a usage error or when no local cloud is running.
/// </summary>
public static class TenantsCommand
{
    public const string Name = "tenants";

    private const string Usage = """
        usage: tenants onboard <tenantId> --tier Basic|Premium [--name <name>] [--admin-email <email>]
               tenants offboard <tenantId>
               tenants suspend <tenantId>
               tenants resume <tenantId>
               tenants list
        options: --state-file <path>   the running local cloud's state file (default .tools/local-cloud.json)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    return UsageError(stderr, $"{args[i]} needs a value.");
                }

                options[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        var unknown = options.Keys.Except(["state-file", "tier", "name", "admin-email"], StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            return UsageError(stderr, $"Unknown option --{unknown}.");
        }

        var statePath = options.GetValueOrDefault("state-file") ?? LocalCloudStateFile.DefaultPath();
        LocalCloudStateFile? cloud;
        try
        {
            cloud = await LocalCloudStateFile.ReadAsync(statePath, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            return UsageError(stderr, e.Message);
        }

        if (cloud is null)
        {
            await stderr.WriteLineAsync($"No local cloud is running ({statePath} does not exist): start it with `dotnet run --project src/Tenancy.Local`.").ConfigureAwait(false);
            return 2;
        }

        using var client = new LocalControlPlaneClient(cloud);
        try
        {
            return positional switch
            {
                ["list"] => await ListAsync(client, stdout, cancellationToken).ConfigureAwait(false),
                ["onboard", var id] when Valid(id) && TenantRegistryItemCodec.TryParseTier(options.GetValueOrDefault("tier"), out var tier) =>
                    await OnboardAsync(client, id, options.GetValueOrDefault("name") ?? id, tier, options.GetValueOrDefault("admin-email") ?? $"admin@{id}.example", stdout, stderr, cancellationToken).ConfigureAwait(false),
                ["offboard", var id] when Valid(id) =>
                    await ExecutionAsync(client, TenantLifecycleWorkflows.Offboarding, id, TenantLifecycleWorkflows.OffboardingInput(id), stdout, stderr, cancellationToken).ConfigureAwait(false),
                [var transition, var id] when transition is "suspend" or "resume" && Valid(id) =>
                    await TransitionAsync(client, transition, id, stdout, stderr, cancellationToken).ConfigureAwait(false),
                _ => UsageError(stderr, "Unknown command or invalid arguments."),
            };
        }
        catch (Exception e) when (e is HttpRequestException or LocalControlPlaneException or Amazon.Runtime.AmazonServiceException)
        {
            await stderr.WriteLineAsync($"The local cloud at {cloud.Endpoint} did not serve the request: {e.Message}").ConfigureAwait(false);
            return e is HttpRequestException ? 2 : 1;
        }
    }

    private static bool Valid(string tenantId) => TenantId.TryParse(tenantId, out _, out _);

    private static Task<int> OnboardAsync(LocalControlPlaneClient client, string tenantId, string name, TenantTier tier, string adminEmail, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        ExecutionAsync(
            client,
            TenantLifecycleWorkflows.Onboarding,
            tenantId,
            TenantLifecycleWorkflows.OnboardingInput(tenantId, name, tier, adminEmail),
            stdout,
            stderr,
            cancellationToken);

    private static async Task<int> ExecutionAsync(LocalControlPlaneClient client, string stateMachine, string tenantId, JsonObject input, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var execution = await client.RunExecutionAsync(stateMachine, $"{tenantId}-{Guid.NewGuid():N}", input, cancellationToken).ConfigureAwait(false);
        var status = (string?)execution["status"];
        await stdout.WriteLineAsync($"{stateMachine} {tenantId}: {status} ({(string?)execution["executionArn"]})").ConfigureAwait(false);
        if (status == "SUCCEEDED")
        {
            return 0;
        }

        await stderr.WriteLineAsync($"{(string?)execution["error"]}: {(string?)execution["cause"]}").ConfigureAwait(false);
        return 1;
    }

    private static async Task<int> TransitionAsync(LocalControlPlaneClient client, string transition, string tenantId, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (payload, functionError) = await client.InvokeAsync("RegistryFunction", new JsonObject { ["transition"] = transition, ["tenantId"] = tenantId }, cancellationToken).ConfigureAwait(false);
        if (functionError is not null)
        {
            await stderr.WriteLineAsync($"{transition} {tenantId} refused: {(string?)payload?["errorType"]}: {(string?)payload?["errorMessage"]}").ConfigureAwait(false);
            return 1;
        }

        await stdout.WriteLineAsync($"{transition} {tenantId}: {(string?)payload?["status"] ?? payload?.ToJsonString()}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListAsync(LocalControlPlaneClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        await stdout.WriteLineAsync($"{"TENANT",-16} {"STATUS",-12} {"TIER",-8} {"MODEL",-5} {"TABLE",-20} KEY").ConfigureAwait(false);
        foreach (var (tenantId, registration, error) in await client.ListTenantsAsync(cancellationToken).ConfigureAwait(false))
        {
            await stdout.WriteLineAsync(registration is null
                ? $"{tenantId,-16} unreadable: {error}"
                : $"{tenantId,-16} {TenantRegistryItemCodec.StatusName(registration.Status),-12} {TenantRegistryItemCodec.TierName(registration.Tier),-8} {TenantRegistryItemCodec.ModelName(registration.Placement.Model),-5} {registration.Placement.TableName,-20} {registration.Placement.KmsKeyId}").ConfigureAwait(false);
        }

        return 0;
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        stderr.WriteLine(Usage);
        return 2;
    }
}
