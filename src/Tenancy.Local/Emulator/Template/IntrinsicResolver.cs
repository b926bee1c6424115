using System.Text;

namespace Tenancy.Local.Emulator.Template;

/// <summary>
/// Resolves the intrinsic functions the project's template uses — <c>Ref</c>, <c>Fn::Sub</c> (including
/// <c>${!Literal}</c> escapes and the list form), <c>Fn::GetAtt …Arn</c>, <c>Fn::Join</c> — against parameter
/// defaults, the local pseudo parameters and the physical names the local cloud gives resources.
/// </summary>
public sealed class IntrinsicResolver
{
    private readonly IReadOnlyDictionary<string, object?> _parameters;
    private readonly IReadOnlyDictionary<string, object?> _resources;
    private readonly IReadOnlyDictionary<string, string> _parameterOverrides;

    public IntrinsicResolver(IReadOnlyDictionary<string, object?> template, IReadOnlyDictionary<string, string>? parameterOverrides = null)
    {
        _parameters = template.GetValueOrDefault("Parameters") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        _resources = template.GetValueOrDefault("Resources") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        _parameterOverrides = parameterOverrides ?? new Dictionary<string, string>();
    }

    public object? Resolve(object? node) => node switch
    {
        IReadOnlyDictionary<string, object?> map when map.Count == 1 && map.Keys.First() is "Ref" or "Fn::Sub" or "Fn::GetAtt" or "Fn::Join" =>
            ResolveFunction(map.Keys.First(), map.Values.First()),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Resolve(kv.Value), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(Resolve).ToList(),
        _ => node,
    };

    public string ResolveString(object? node) =>
        Resolve(node) as string ?? throw new InvalidDataException("Expected the intrinsic to resolve to a string.");

    private string ResolveFunction(string function, object? argument) => function switch
    {
        "Ref" => Ref(argument as string ?? throw new InvalidDataException("Ref needs a name.")),
        "Fn::GetAtt" => GetAtt(argument),
        "Fn::Sub" => Sub(argument),
        _ => Join(argument),
    };

    /// <summary>The value of <c>Ref name</c>: a pseudo parameter, a parameter (override or default), or a resource's physical name.</summary>
    public string Ref(string name)
    {
        switch (name)
        {
            case "AWS::Region": return LocalAccount.Region;
            case "AWS::AccountId": return LocalAccount.Id;
            case "AWS::Partition": return LocalAccount.Partition;
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::StackName": return "tenancy-local";
        }

        if (_parameterOverrides.TryGetValue(name, out var overridden))
        {
            return overridden;
        }

        if (_parameters.GetValueOrDefault(name) is IReadOnlyDictionary<string, object?> parameter)
        {
            return parameter.GetValueOrDefault("Default") as string
                ?? throw new InvalidDataException($"Parameter {name} has no default; pass it as an override.");
        }

        // Ref to a state machine is its ARN, as in CloudFormation (control-plane policies and integrations use it).
        return IsStateMachine(name) ? StateMachineArn(name) : PhysicalName(name);
    }

    /// <summary>The local state machine of a logical id: named <c>&lt;stack&gt;-&lt;LogicalId&gt;</c> as a deployment names it.</summary>
    public string StateMachineArn(string logicalId) =>
        $"arn:{LocalAccount.Partition}:states:{LocalAccount.Region}:{LocalAccount.Id}:stateMachine:{Ref("AWS::StackName")}-{logicalId}";

    private bool IsStateMachine(string logicalId) =>
        (_resources.GetValueOrDefault(logicalId) as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("Type") is "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine";

    /// <summary>The name the local cloud gives a resource: its explicit name property, else the logical id.</summary>
    public string PhysicalName(string logicalId)
    {
        if (_resources.GetValueOrDefault(logicalId) is not IReadOnlyDictionary<string, object?> resource)
        {
            throw new InvalidDataException($"Ref/GetAtt to unknown resource or parameter '{logicalId}'.");
        }

        var properties = resource.GetValueOrDefault("Properties") as IReadOnlyDictionary<string, object?>;
        var nameProperty = (resource.GetValueOrDefault("Type") as string) switch
        {
            "AWS::DynamoDB::Table" => "TableName",
            "AWS::IAM::Role" => "RoleName",
            "AWS::IAM::Policy" => "PolicyName",
            "AWS::S3::Bucket" => "BucketName",
            _ => null,
        };
        if (nameProperty is not null && properties?.GetValueOrDefault(nameProperty) is { } explicitName)
        {
            return ResolveString(explicitName);
        }

        // Bucket names must be lower case; CloudFormation generates <stack>-<logical id> in lower case.
        return nameProperty == "BucketName" ? $"{Ref("AWS::StackName")}-{logicalId.ToLowerInvariant()}" : logicalId;
    }

    private string GetAtt(object? argument)
    {
        if (argument is not IReadOnlyList<object?> { Count: 2 } parts || parts[0] is not string logicalId || Resolve(parts[1]) is not string attribute)
        {
            throw new InvalidDataException("GetAtt needs [resource, attribute].");
        }

        var type = (_resources.GetValueOrDefault(logicalId) as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("Type") as string;
        return (type, attribute) switch
        {
            ("AWS::DynamoDB::Table", "Arn") => LocalAccount.TableArn(PhysicalName(logicalId)),
            ("AWS::IAM::Role", "Arn") => LocalAccount.RoleArn(PhysicalName(logicalId)),
            ("AWS::S3::Bucket", "Arn") => $"arn:{LocalAccount.Partition}:s3:::{PhysicalName(logicalId)}",
            ("AWS::Events::EventBus", "Arn") => $"arn:{LocalAccount.Partition}:events:{LocalAccount.Region}:{LocalAccount.Id}:event-bus/{EventBusName(logicalId)}",
            // Functions are named after their logical ids locally (the invoker's names); state machines <stack>-<logical id>, as SAM names them.
            ("AWS::Serverless::Function" or "AWS::Lambda::Function", "Arn") => $"arn:{LocalAccount.Partition}:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:{logicalId}",
            ("AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine", "Arn") => StateMachineArn(logicalId),
            _ => throw new InvalidDataException($"GetAtt {logicalId}.{attribute} ({type}) is not supported by the local cloud."),
        };
    }

    private string EventBusName(string logicalId) =>
        ((_resources[logicalId] as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("Properties") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("Name") is { } name
            ? ResolveString(name)
            : logicalId;

    private string Sub(object? argument)
    {
        string template;
        IReadOnlyDictionary<string, object?>? variables = null;
        switch (argument)
        {
            case string text:
                template = text;
                break;
            case IReadOnlyList<object?> { Count: 2 } list when list[0] is string text:
                template = text;
                variables = list[1] as IReadOnlyDictionary<string, object?>;
                break;
            default:
                throw new InvalidDataException("Sub needs a string or [string, variables].");
        }

        var builder = new StringBuilder(template.Length);
        var index = 0;
        while (index < template.Length)
        {
            var start = template.IndexOf("${", index, StringComparison.Ordinal);
            var end = start < 0 ? -1 : template.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                builder.Append(template, index, template.Length - index);
                break;
            }

            builder.Append(template, index, start - index);
            var name = template[(start + 2)..end];
            if (name.StartsWith('!'))
            {
                // ${!Literal} is how a template writes a literal ${Literal} (e.g. an IAM policy variable).
                builder.Append("${").Append(name, 1, name.Length - 1).Append('}');
            }
            else if (variables?.GetValueOrDefault(name) is { } variable)
            {
                builder.Append(ResolveString(variable));
            }
            else if (name.Contains('.', StringComparison.Ordinal) && !name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                builder.Append(GetAtt(new List<object?> { name[..dot], name[(dot + 1)..] }));
            }
            else
            {
                builder.Append(Ref(name));
            }

            index = end + 1;
        }

        return builder.ToString();
    }

    private string Join(object? argument)
    {
        if (argument is not IReadOnlyList<object?> { Count: 2 } parts || parts[0] is not string separator || Resolve(parts[1]) is not IReadOnlyList<object?> items)
        {
            throw new InvalidDataException("Join needs [separator, list].");
        }

        return string.Join(separator, items.Select(ResolveString));
    }
}
