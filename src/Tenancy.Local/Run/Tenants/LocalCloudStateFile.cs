using System.Text.Json.Nodes;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Auth;

namespace Tenancy.Local.Run.Tenants;

/// <summary>
/// Where a running local cloud tells other processes of the same repository how to reach it as an operator would:
/// its endpoint, region, the account's admin keys and the state machine ARNs. Written when the run starts (owner-only
/// permissions), deleted when it stops; <c>tenants …</c> commands read it.
/// </summary>
public sealed record LocalCloudStateFile(Uri Endpoint, string Region, LocalCredentials AdminCredentials, string RegistryTable, IReadOnlyDictionary<string, string> StateMachineArns)
{
    public const string PathVariable = "TENANCY_LOCAL_STATE_FILE";

    /// <summary><c>TENANCY_LOCAL_STATE_FILE</c>, else <c>.tools/local-cloud.json</c> at the repository root.</summary>
    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot.Find() ?? Directory.GetCurrentDirectory(), ".tools", "local-cloud.json");

    public static LocalCloudStateFile Of(LocalCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return new LocalCloudStateFile(
            cloud.Endpoint,
            cloud.Region,
            cloud.AdminCredentials,
            cloud.TenantRegistryTableName,
            cloud.Executions.StateMachines.All.ToDictionary(m => m.LogicalId, m => m.Arn, StringComparer.Ordinal));
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var json = new JsonObject
        {
            ["endpoint"] = Endpoint.ToString(),
            ["region"] = Region,
            ["accessKeyId"] = AdminCredentials.AccessKeyId,
            ["secretAccessKey"] = AdminCredentials.SecretAccessKey,
            ["registryTable"] = RegistryTable,
            ["stateMachines"] = new JsonObject(StateMachineArns.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        };
        // The file holds the local account's admin keys: readable by its owner only.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file at <paramref name="path"/>, or null when there is none (no local cloud running).</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a state file.</exception>
    public static async Task<LocalCloudStateFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        JsonObject json;
        try
        {
            json = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)) as JsonObject
                ?? throw new InvalidDataException($"{path} is not a JSON object.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{path} is not a local cloud state file: {e.Message}", e);
        }

        var stateMachines = json["stateMachines"] as JsonObject ?? throw new InvalidDataException($"{path} names no state machines.");
        return new LocalCloudStateFile(
            new Uri(Required(json, "endpoint", path)),
            Required(json, "region", path),
            new LocalCredentials(Required(json, "accessKeyId", path), Required(json, "secretAccessKey", path), null),
            Required(json, "registryTable", path),
            stateMachines.ToDictionary(p => p.Key, p => Required(stateMachines, p.Key, path), StringComparer.Ordinal));
    }

    private static string Required(JsonObject json, string name, string path) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InvalidDataException($"{path} has no '{name}'.");
}
