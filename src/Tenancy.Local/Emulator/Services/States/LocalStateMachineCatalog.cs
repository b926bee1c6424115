using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.StepFunctions;
using Tenancy.Local.Emulator.Template;

namespace Tenancy.Local.Emulator.Services.States;

/// <summary>
/// The template's <c>AWS::Serverless::StateMachine</c>s, read once at start: each definition file loaded from
/// <c>DefinitionUri</c> (relative to the template) and its substitutions resolved. A substitution that is a
/// <c>Ref</c> to a resource the local cloud names itself (the user pool id, usage plan ids) takes the local name,
/// so the definition's Tasks reach the same resources the wire endpoints serve.
/// </summary>
public sealed class LocalStateMachineCatalog
{
    private readonly Dictionary<string, LocalStateMachine> _byArn;

    private LocalStateMachineCatalog(IEnumerable<LocalStateMachine> machines) =>
        _byArn = machines.ToDictionary(m => m.Arn, StringComparer.Ordinal);

    public IReadOnlyCollection<LocalStateMachine> All => _byArn.Values;

    public LocalStateMachine? ByArn(string arn) => _byArn.GetValueOrDefault(arn);

    public LocalStateMachine ByLogicalId(string logicalId) =>
        _byArn.Values.FirstOrDefault(m => m.LogicalId == logicalId)
        ?? throw new InvalidOperationException($"The template has no state machine '{logicalId}'.");

    /// <summary>Reads the template's state machines; <paramref name="localPhysicalId"/> gives the local cloud's id for a referenced resource, or null to resolve it as the template does.</summary>
    public static LocalStateMachineCatalog Load(string templatePath, IntrinsicResolver resolver, Func<string, string?> localPhysicalId, DateTimeOffset createdAt)
    {
        var root = CloudFormationYaml.Load(templatePath);
        var resources = root.GetValueOrDefault("Resources") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var directory = Path.GetDirectoryName(Path.GetFullPath(templatePath)) ?? ".";
        var machines = new List<LocalStateMachine>();
        foreach (var (logicalId, node) in resources)
        {
            if (node is not IReadOnlyDictionary<string, object?> resource
                || resource.GetValueOrDefault("Type") as string != "AWS::Serverless::StateMachine"
                || resource.GetValueOrDefault("Properties") is not IReadOnlyDictionary<string, object?> properties)
            {
                continue;
            }

            var definitionUri = properties.GetValueOrDefault("DefinitionUri") as string
                ?? throw new InvalidDataException($"State machine {logicalId} has no DefinitionUri file (inline definitions are not served locally).");
            var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in (properties.GetValueOrDefault("DefinitionSubstitutions") as IReadOnlyDictionary<string, object?>) ?? new Dictionary<string, object?>())
            {
                substitutions[name] = value is IReadOnlyDictionary<string, object?> { Count: 1 } reference && reference.GetValueOrDefault("Ref") is string target
                    ? localPhysicalId(target) ?? EventBusName(resources, target, resolver) ?? resolver.ResolveString(value)
                    : resolver.ResolveString(value);
            }

            var definition = DefinitionSubstitutions.Apply(File.ReadAllText(Path.Combine(directory, definitionUri)), substitutions);
            // Fail at start, not at the first execution, when a definition is not JSON.
            _ = JsonNode.Parse(definition) ?? throw new InvalidDataException($"{definitionUri} is empty.");
            var arn = resolver.StateMachineArn(logicalId);
            machines.Add(new LocalStateMachine(
                logicalId,
                arn[(arn.LastIndexOf(':') + 1)..],
                arn,
                definition,
                properties.GetValueOrDefault("Type") as string ?? "STANDARD",
                $"arn:{LocalAccount.Partition}:iam::{LocalAccount.Id}:role/{resolver.Ref("AWS::StackName")}-{logicalId}Role",
                createdAt));
        }

        return new LocalStateMachineCatalog(machines);
    }

    // Ref to an event bus is its name, as CloudFormation gives it.
    private static string? EventBusName(IReadOnlyDictionary<string, object?> resources, string logicalId, IntrinsicResolver resolver) =>
        resources.GetValueOrDefault(logicalId) is IReadOnlyDictionary<string, object?> resource
        && resource.GetValueOrDefault("Type") as string == "AWS::Events::EventBus"
        && resource.GetValueOrDefault("Properties") is IReadOnlyDictionary<string, object?> properties
        && properties.GetValueOrDefault("Name") is { } name
            ? resolver.ResolveString(name)
            : null;
}
