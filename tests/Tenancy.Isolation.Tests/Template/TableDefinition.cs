using YamlDotNet.RepresentationModel;
using static Tenancy.Isolation.Tests.Template.CloudFormationYaml;

namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// An <c>AWS::DynamoDB::Table</c> of template.yaml: its key schema, its global secondary indexes and the declared
/// attribute types.
/// </summary>
public sealed record TableDefinition(
    string LogicalId,
    TableKeySchema KeySchema,
    IReadOnlyDictionary<string, TableKeySchema> GlobalSecondaryIndexes,
    IReadOnlyDictionary<string, string> AttributeTypes)
{
    /// <summary>
    /// The table tenant entities live in: the pooled table, and the model of every siloed tenant's own table (the
    /// local cloud and onboarding create <c>AppData-&lt;tenantId&gt;</c> from this definition).
    /// </summary>
    public const string TenantDataLogicalId = "AppDataTable";

    public static TableDefinition Read(CloudFormationYaml template, string logicalId)
    {
        var resource = template.Resource(logicalId);
        if (Text(Find(resource, "Type")!) != "AWS::DynamoDB::Table")
        {
            throw new InvalidDataException($"{logicalId} in template.yaml is not an AWS::DynamoDB::Table.");
        }

        var properties = Map(resource, "Properties");
        var attributeTypes = ((YamlSequenceNode?)Find(properties, "AttributeDefinitions"))?.Children
            .ToDictionary(d => Text(Find(d, "AttributeName")!), d => Text(Find(d, "AttributeType")!), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var indexes = ((YamlSequenceNode?)Find(properties, "GlobalSecondaryIndexes"))?.Children
            .ToDictionary(i => Text(Find(i, "IndexName")!), KeySchemaOf, StringComparer.Ordinal)
            ?? new Dictionary<string, TableKeySchema>(StringComparer.Ordinal);

        return new TableDefinition(logicalId, KeySchemaOf(properties), indexes, attributeTypes);
    }

    private static TableKeySchema KeySchemaOf(YamlNode owner)
    {
        var elements = ((YamlSequenceNode)Find(owner, "KeySchema")!).Children;
        string? Attribute(string keyType)
        {
            return elements.Where(e => Text(Find(e, "KeyType")!) == keyType).Select(e => Text(Find(e, "AttributeName")!)).SingleOrDefault();
        }

        return new TableKeySchema(
            Attribute("HASH") ?? throw new InvalidDataException("A KeySchema in template.yaml has no HASH key."),
            Attribute("RANGE"));
    }
}
