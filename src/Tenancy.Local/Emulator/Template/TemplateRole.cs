using Tenancy.Local.Emulator.Iam;

namespace Tenancy.Local.Emulator.Template;

/// <summary>An IAM role from the template: its trust policy and every identity policy attached to it.</summary>
public sealed record TemplateRole(
    string LogicalId,
    string Name,
    string Arn,
    int MaxSessionDurationSeconds,
    PolicyDocument TrustPolicy,
    IReadOnlyList<PolicyDocument> IdentityPolicies);
