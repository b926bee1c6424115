using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Template;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Runs a state machine of template.yaml by logical id in the local engine: its <c>DefinitionUri</c> file with its
/// <c>DefinitionSubstitutions</c> resolved through the template's intrinsic resolver, except that a <c>Ref</c> to
/// a user pool, usage plan or event bus gives the id that resource has in this local cloud (as CloudFormation gives
/// the deployed id), and every Task answered by the cloud's dispatcher.
/// </summary>
public sealed class LocalWorkflows
{
    private readonly LocalCloud _cloud;
    private readonly LocalStateMachineRunner _runner;
    private readonly string _templateDirectory;
    private readonly IReadOnlyDictionary<string, object?> _resources;

    public LocalWorkflows(LocalCloud cloud, StepFunctionsToolsInstallation tools, IStateMachineTaskDispatcher tasks, string? templatePath = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        _cloud = cloud;
        _runner = new LocalStateMachineRunner(tools, tasks);
        templatePath ??= Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("Cannot find the repository root (Tenancy.sln); pass the template path."), "template.yaml");
        _templateDirectory = Path.GetDirectoryName(Path.GetFullPath(templatePath))!;
        _resources = CloudFormationYaml.Load(templatePath).GetValueOrDefault("Resources") as IReadOnlyDictionary<string, object?>
            ?? throw new InvalidDataException($"{templatePath} has no Resources.");
    }

    /// <summary>The ARN of a template state machine, as the template's own <c>GetAtt</c> gives it.</summary>
    public string StateMachineArn(string logicalId) =>
        _cloud.Template.Resolver.ResolveString(new Dictionary<string, object?>(StringComparer.Ordinal) { ["Fn::GetAtt"] = new List<object?> { logicalId, "Arn" } });

    /// <summary>The definition of a template state machine with its substitutions applied.</summary>
    public string Definition(string logicalId)
    {
        var properties = Properties(logicalId);
        var uri = properties.GetValueOrDefault("DefinitionUri") as string
            ?? throw new InvalidDataException($"State machine {logicalId} has no DefinitionUri file.");
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in properties.GetValueOrDefault("DefinitionSubstitutions") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>())
        {
            substitutions[name] = Resolve(value);
        }

        return DefinitionSubstitutions.Apply(File.ReadAllText(Path.Combine(_templateDirectory, uri)), substitutions);
    }

    public Task<StateMachineExecutionResult> RunAsync(string logicalId, JsonNode input, string executionName, StateMachineRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var arn = StateMachineArn(logicalId);
        return _runner.RunAsync(arn[(arn.LastIndexOf(':') + 1)..], Definition(logicalId), input, executionName, options, cancellationToken);
    }

    private string Resolve(object? value)
    {
        if (value is IReadOnlyDictionary<string, object?> { Count: 1 } map && map.GetValueOrDefault("Ref") is string name
            && _resources.GetValueOrDefault(name) is IReadOnlyDictionary<string, object?> resource)
        {
            var properties = resource.GetValueOrDefault("Properties") as IReadOnlyDictionary<string, object?>;
            switch (resource.GetValueOrDefault("Type") as string)
            {
                case "AWS::Cognito::UserPool":
                    return _cloud.UserPool.UserPoolId;
                case "AWS::ApiGateway::UsagePlan":
                    var planName = _cloud.Template.Resolver.ResolveString(properties?.GetValueOrDefault("UsagePlanName"));
                    return _cloud.ApiGateway.UsagePlanNamed(planName)?.Id
                        ?? throw new InvalidDataException($"The local API Gateway has no usage plan '{planName}' ({name}).");
                case "AWS::Events::EventBus":
                    return _cloud.Template.Resolver.ResolveString(properties?.GetValueOrDefault("Name"));
            }
        }

        return _cloud.Template.Resolver.ResolveString(value);
    }

    private IReadOnlyDictionary<string, object?> Properties(string logicalId) =>
        _resources.GetValueOrDefault(logicalId) is IReadOnlyDictionary<string, object?> resource
        && resource.GetValueOrDefault("Type") as string is "AWS::Serverless::StateMachine"
        && resource.GetValueOrDefault("Properties") is IReadOnlyDictionary<string, object?> properties
            ? properties
            : throw new InvalidDataException($"template.yaml has no state machine '{logicalId}'.");
}
