using Tenancy.Local.Emulator.Iam;

namespace Tenancy.Local.Emulator.Template;

/// <summary>
/// What the local cloud takes from <c>template.yaml</c>: the IAM roles (trust and identity policies, verbatim, and the
/// execution roles SAM creates for functions) and the DynamoDB tables. Managed policy ARNs (e.g. AWSLambdaBasicExecutionRole, logs only) are not modelled, so they
/// grant nothing locally.
/// </summary>
public sealed class TenancyTemplate
{
    private TenancyTemplate(
        IReadOnlyDictionary<string, TemplateRole> rolesByLogicalId,
        IReadOnlyDictionary<string, TemplateTable> tablesByLogicalId,
        IReadOnlyList<TemplateUsagePlan> usagePlans,
        IReadOnlyList<TemplateUserPool> userPools,
        IReadOnlyDictionary<string, string> executionRoles,
        IReadOnlySet<string> versionedBuckets,
        IntrinsicResolver resolver)
    {
        VersionedBuckets = versionedBuckets;
        RolesByLogicalId = rolesByLogicalId;
        ExecutionRoles = executionRoles;
        TablesByLogicalId = tablesByLogicalId;
        UsagePlans = usagePlans;
        UserPools = userPools;
        Resolver = resolver;
    }

    public IReadOnlyDictionary<string, TemplateRole> RolesByLogicalId { get; }

    public IReadOnlyDictionary<string, TemplateTable> TablesByLogicalId { get; }

    /// <summary>Function logical id → the logical id of the role it runs as (SAM's implicit role included).</summary>
    public IReadOnlyDictionary<string, string> ExecutionRoles { get; }

    /// <summary>The template's <c>AWS::ApiGateway::UsagePlan</c> resources (seed the local API Gateway's plans).</summary>
    public IReadOnlyList<TemplateUsagePlan> UsagePlans { get; }

    /// <summary>The template's <c>AWS::Cognito::UserPool</c> resources (the local cognito-idp serves the first).</summary>
    public IReadOnlyList<TemplateUserPool> UserPools { get; }

    public IntrinsicResolver Resolver { get; }

    /// <summary>Logical ids of the <c>AWS::S3::Bucket</c> resources with <c>VersioningConfiguration: { Status: Enabled }</c>.</summary>
    public IReadOnlySet<string> VersionedBuckets { get; }

    public TemplateRole Role(string logicalId) =>
        RolesByLogicalId.TryGetValue(logicalId, out var role) ? role : throw new InvalidDataException($"template.yaml has no role '{logicalId}'.");

    /// <summary>The role a function of the template runs as.</summary>
    public TemplateRole ExecutionRole(string resourceLogicalId) =>
        ExecutionRoles.TryGetValue(resourceLogicalId, out var role)
            ? Role(role)
            : throw new InvalidDataException($"template.yaml has no function '{resourceLogicalId}'.");

    public TemplateRole? RoleByArn(string arn) => RolesByLogicalId.Values.FirstOrDefault(r => string.Equals(r.Arn, arn, StringComparison.Ordinal));

    public TemplateTable Table(string logicalId) =>
        TablesByLogicalId.TryGetValue(logicalId, out var table) ? table : throw new InvalidDataException($"template.yaml has no table '{logicalId}'.");

    public static TenancyTemplate Load(string path, IReadOnlyDictionary<string, string>? parameterOverrides = null)
    {
        var root = CloudFormationYaml.Load(path);
        var resolver = new IntrinsicResolver(root, parameterOverrides);
        var resources = root.GetValueOrDefault("Resources") as IReadOnlyDictionary<string, object?>
            ?? throw new InvalidDataException($"{path} has no Resources.");

        var attachedPolicies = new Dictionary<string, List<PolicyDocument>>(StringComparer.Ordinal);
        foreach (var (_, node) in resources)
        {
            if (node is IReadOnlyDictionary<string, object?> resource && Type(resource) == "AWS::IAM::Policy")
            {
                var properties = Properties(resource);
                var policy = PolicyDocumentParser.Parse(resolver.ResolveString(properties["PolicyName"]), resolver.Resolve(properties["PolicyDocument"]));
                foreach (var roleName in (resolver.Resolve(properties.GetValueOrDefault("Roles")) as IReadOnlyList<object?>) ?? [])
                {
                    var name = roleName as string ?? throw new InvalidDataException("Policy Roles must resolve to role names.");
                    if (!attachedPolicies.TryGetValue(name, out var list))
                    {
                        attachedPolicies[name] = list = [];
                    }

                    list.Add(policy);
                }
            }
        }

        var roles = new Dictionary<string, TemplateRole>(StringComparer.Ordinal);
        var tables = new Dictionary<string, TemplateTable>(StringComparer.Ordinal);
        var usagePlans = new List<TemplateUsagePlan>();
        var userPools = new List<TemplateUserPool>();
        var versionedBuckets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (logicalId, node) in resources)
        {
            if (node is not IReadOnlyDictionary<string, object?> resource)
            {
                continue;
            }

            switch (Type(resource))
            {
                case "AWS::IAM::Role":
                    roles[logicalId] = ReadRole(logicalId, Properties(resource), resolver, attachedPolicies);
                    break;
                case "AWS::DynamoDB::Table":
                    tables[logicalId] = ReadTable(logicalId, Properties(resource), resolver);
                    break;
                case "AWS::ApiGateway::UsagePlan":
                    usagePlans.Add(TemplateServiceResources.ReadUsagePlan(logicalId, Properties(resource), resolver));
                    break;
                case "AWS::S3::Bucket" when resource.GetValueOrDefault("Properties") is IReadOnlyDictionary<string, object?> bucket
                    && bucket.GetValueOrDefault("VersioningConfiguration") is IReadOnlyDictionary<string, object?> versioning
                    && resolver.ResolveString(versioning.GetValueOrDefault("Status")) == "Enabled":
                    versionedBuckets.Add(logicalId);
                    break;
                case "AWS::Cognito::UserPool":
                    userPools.Add(TemplateServiceResources.ReadUserPool(logicalId, Properties(resource), resolver));
                    break;
            }
        }

        var executionRoles = SamExecutionRoles.Read(resources, resolver, roles);
        return new TenancyTemplate(roles, tables, usagePlans, userPools, executionRoles, versionedBuckets, resolver);
    }

    private static TemplateRole ReadRole(string logicalId, IReadOnlyDictionary<string, object?> properties, IntrinsicResolver resolver, Dictionary<string, List<PolicyDocument>> attached)
    {
        var name = resolver.PhysicalName(logicalId);
        var identityPolicies = new List<PolicyDocument>();
        foreach (var inline in (properties.GetValueOrDefault("Policies") as IReadOnlyList<object?>) ?? [])
        {
            if (inline is IReadOnlyDictionary<string, object?> policy)
            {
                identityPolicies.Add(PolicyDocumentParser.Parse(resolver.ResolveString(policy["PolicyName"]), resolver.Resolve(policy["PolicyDocument"])));
            }
        }

        identityPolicies.AddRange(attached.GetValueOrDefault(name) ?? []);
        var maxSession = properties.GetValueOrDefault("MaxSessionDuration") is { } max
            ? int.Parse(resolver.ResolveString(max), System.Globalization.CultureInfo.InvariantCulture)
            : 3600;
        return new TemplateRole(
            logicalId,
            name,
            LocalAccount.RoleArn(name),
            maxSession,
            PolicyDocumentParser.Parse($"{name}-trust", resolver.Resolve(properties["AssumeRolePolicyDocument"])),
            identityPolicies);
    }

    private static TemplateTable ReadTable(string logicalId, IReadOnlyDictionary<string, object?> properties, IntrinsicResolver resolver)
    {
        var attributes = ((properties.GetValueOrDefault("AttributeDefinitions") as IReadOnlyList<object?>) ?? [])
            .OfType<IReadOnlyDictionary<string, object?>>()
            .ToDictionary(a => resolver.ResolveString(a["AttributeName"]), a => resolver.ResolveString(a["AttributeType"]), StringComparer.Ordinal);
        var indexDefinitions = ((properties.GetValueOrDefault("GlobalSecondaryIndexes") as IReadOnlyList<object?>) ?? [])
            .OfType<IReadOnlyDictionary<string, object?>>()
            .ToList();
        var indexes = indexDefinitions
            .ToDictionary(i => resolver.ResolveString(i["IndexName"]), i => ReadKeySchema(i["KeySchema"], resolver), StringComparer.Ordinal);
        var projections = indexDefinitions
            .ToDictionary(i => resolver.ResolveString(i["IndexName"]), i => ProjectionType(i, resolver), StringComparer.Ordinal);
        return new TemplateTable(logicalId, resolver.PhysicalName(logicalId), attributes, ReadKeySchema(properties["KeySchema"], resolver), indexes)
        {
            IndexProjectionTypes = projections,
        };
    }

    private static string ProjectionType(IReadOnlyDictionary<string, object?> index, IntrinsicResolver resolver)
    {
        var projection = index.GetValueOrDefault("Projection") as IReadOnlyDictionary<string, object?>;
        var type = projection?.GetValueOrDefault("ProjectionType") is { } value ? resolver.ResolveString(value) : "ALL";
        // INCLUDE would need NonKeyAttributes; refuse it rather than create a different index than AWS would.
        return type is "ALL" or "KEYS_ONLY"
            ? type
            : throw new InvalidDataException($"Projection type '{type}' of index '{resolver.ResolveString(index["IndexName"])}' is not supported locally.");
    }

    private static TemplateKeySchema ReadKeySchema(object? node, IntrinsicResolver resolver)
    {
        string? hash = null, range = null;
        foreach (var element in ((node as IReadOnlyList<object?>) ?? []).OfType<IReadOnlyDictionary<string, object?>>())
        {
            var name = resolver.ResolveString(element["AttributeName"]);
            if (resolver.ResolveString(element["KeyType"]) == "HASH")
            {
                hash = name;
            }
            else
            {
                range = name;
            }
        }

        return new TemplateKeySchema(hash ?? throw new InvalidDataException("Key schema without HASH key."), range);
    }

    private static string? Type(IReadOnlyDictionary<string, object?> resource) => resource.GetValueOrDefault("Type") as string;

    private static IReadOnlyDictionary<string, object?> Properties(IReadOnlyDictionary<string, object?> resource) =>
        resource.GetValueOrDefault("Properties") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}
