using Tenancy.Local.Emulator.Iam;

namespace Tenancy.Local.Emulator.Template;

/// <summary>
/// The execution roles of the template's SAM functions. <c>Role</c> names an existing role;
/// otherwise SAM creates <c>&lt;LogicalId&gt;Role</c>, trusted by the service, holding the inline
/// <c>Policies</c> statements. SAM policy templates and managed policy names are not modelled, so locally they grant
/// nothing (the template uses inline statements for everything that touches data).
/// </summary>
internal static class SamExecutionRoles
{
    // State machines are left out: the local cloud answers their Tasks itself, so no credentials of theirs ever sign.
    private static readonly Dictionary<string, string> ServicePrincipals = new(StringComparer.Ordinal)
    {
        ["AWS::Serverless::Function"] = "lambda.amazonaws.com",
    };

    /// <summary>Adds the implicit roles to <paramref name="roles"/> and returns function logical id → role logical id.</summary>
    public static IReadOnlyDictionary<string, string> Read(
        IReadOnlyDictionary<string, object?> resources,
        IntrinsicResolver resolver,
        Dictionary<string, TemplateRole> roles)
    {
        var executionRoles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (logicalId, node) in resources)
        {
            if (node is not IReadOnlyDictionary<string, object?> resource
                || resource.GetValueOrDefault("Type") is not string type
                || !ServicePrincipals.TryGetValue(type, out var service))
            {
                continue;
            }

            var properties = resource.GetValueOrDefault("Properties") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
            if (properties.GetValueOrDefault("Role") is { } explicitRole)
            {
                var arn = resolver.ResolveString(explicitRole);
                var role = roles.Values.FirstOrDefault(r => string.Equals(r.Arn, arn, StringComparison.Ordinal))
                    ?? throw new InvalidDataException($"{logicalId}'s Role '{arn}' is not a role of the template.");
                executionRoles[logicalId] = role.LogicalId;
                continue;
            }

            var roleLogicalId = $"{logicalId}Role";
            roles[roleLogicalId] = new TemplateRole(
                roleLogicalId,
                roleLogicalId,
                LocalAccount.RoleArn(roleLogicalId),
                3600,
                TrustPolicyFor(roleLogicalId, service),
                InlineStatements(roleLogicalId, properties.GetValueOrDefault("Policies"), resolver));
            executionRoles[logicalId] = roleLogicalId;
        }

        return executionRoles;
    }

    private static List<PolicyDocument> InlineStatements(string roleName, object? policies, IntrinsicResolver resolver)
    {
        var documents = new List<PolicyDocument>();
        var index = 0;
        foreach (var entry in (policies as IReadOnlyList<object?>) ?? [])
        {
            if (entry is IReadOnlyDictionary<string, object?> policy && policy.ContainsKey("Statement"))
            {
                documents.Add(PolicyDocumentParser.Parse($"{roleName}-policy-{index++}", resolver.Resolve(policy)));
            }
        }

        return documents;
    }

    private static PolicyDocument TrustPolicyFor(string roleName, string service) =>
        PolicyDocumentParser.Parse($"{roleName}-trust", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Statement"] = new List<object?>
            {
                new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Service"] = service },
                    ["Action"] = "sts:AssumeRole",
                },
            },
        });
}
