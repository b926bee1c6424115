using YamlDotNet.RepresentationModel;

namespace Tenancy.Local.Emulator.Template;

/// <summary>
/// Reads a CloudFormation/SAM YAML template into a plain tree (maps, lists, strings), turning the short-form
/// intrinsic tags (<c>!Sub</c>, <c>!Ref</c>, <c>!GetAtt</c>, …) into their long form (<c>{"Fn::Sub": …}</c>) so
/// one resolver handles both spellings.
/// </summary>
public static class CloudFormationYaml
{
    public static IReadOnlyDictionary<string, object?> Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count != 1 || Convert(stream.Documents[0].RootNode) is not IReadOnlyDictionary<string, object?> root)
        {
            throw new InvalidDataException($"{path} is not a single YAML mapping.");
        }

        return root;
    }

    private static object? Convert(YamlNode node)
    {
        object? value = node switch
        {
            YamlScalarNode scalar => scalar.Value,
            YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
            YamlMappingNode mapping => mapping.Children.ToDictionary(
                kv => ((YamlScalarNode)kv.Key).Value ?? string.Empty,
                kv => Convert(kv.Value),
                StringComparer.Ordinal),
            _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
        };

        if (node.Tag.IsEmpty || node.Tag.IsNonSpecific)
        {
            return value;
        }

        var tag = node.Tag.Value;
        var function = tag switch
        {
            "!Ref" => "Ref",
            "!Condition" => "Condition",
            _ when tag.StartsWith('!') => "Fn::" + tag[1..],
            _ => null,
        };
        if (function is null)
        {
            return value;
        }

        // !GetAtt Resource.Attribute is the short spelling of ["Resource", "Attribute"].
        if (function == "Fn::GetAtt" && value is string dotted)
        {
            var dot = dotted.IndexOf('.', StringComparison.Ordinal);
            value = dot < 0 ? new List<object?> { dotted } : new List<object?> { dotted[..dot], dotted[(dot + 1)..] };
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal) { [function] = value };
    }
}
