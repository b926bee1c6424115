using YamlDotNet.RepresentationModel;

namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// Reads template.yaml as plain YAML nodes: CloudFormation short forms (<c>!Sub</c>, <c>!GetAtt</c>, <c>!Ref</c>)
/// stay scalars with their tag, which is all the policy assertions need.
/// </summary>
public sealed class CloudFormationYaml
{
    private CloudFormationYaml(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public static CloudFormationYaml Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return new CloudFormationYaml((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Resource(string logicalId) => Map(Map(Root, "Resources"), logicalId);

    public IEnumerable<(string LogicalId, YamlMappingNode Resource)> Resources() =>
        Map(Root, "Resources").Children.Select(pair => (((YamlScalarNode)pair.Key).Value!, (YamlMappingNode)pair.Value));

    public static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    public static YamlNode? Find(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    public static string TagOf(YamlNode node) => node.Tag.IsEmpty ? string.Empty : node.Tag.Value;

    /// <summary>A scalar or a sequence of scalars, as strings.</summary>
    public static IReadOnlyList<string> Strings(YamlNode? node) => node switch
    {
        null => [],
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => sequence.Children.Select(Text).ToList(),
        _ => throw new InvalidOperationException($"Expected a scalar or a list, got {node.NodeType}."),
    };

    /// <summary>The statements of every policy document (inline <c>Policies</c> or <c>PolicyDocument</c>) of a resource.</summary>
    public static IEnumerable<YamlMappingNode> PolicyStatements(YamlMappingNode resource)
    {
        var properties = Map(resource, "Properties");
        if (Find(properties, "PolicyDocument") is { } document)
        {
            foreach (var statement in ((YamlSequenceNode)Find(document, "Statement")!).Children)
            {
                yield return (YamlMappingNode)statement;
            }
        }

        if (Find(properties, "Policies") is YamlSequenceNode policies)
        {
            foreach (var policy in policies.Children)
            {
                foreach (var statement in ((YamlSequenceNode)Find(Map(policy, "PolicyDocument"), "Statement")!).Children)
                {
                    yield return (YamlMappingNode)statement;
                }
            }
        }
    }
}
