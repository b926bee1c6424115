namespace Tenancy.Isolation;

/// <summary>
/// Declares an assembly part of the control plane (onboarding, offboarding, the local cloud), which may use raw
/// DynamoDB, S3 and KMS clients (analyzer TNT003 exempts it). The justification must name the
/// review that approved it; application-plane assemblies must never carry this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class ControlPlaneAssemblyAttribute : Attribute
{
    /// <summary>Marks the assembly as control plane; <paramref name="justification"/> names the review that approved it.</summary>
    public ControlPlaneAssemblyAttribute(string justification)
    {
        Justification = justification;
    }

    /// <summary>Why the assembly may use raw clients, and which review approved it.</summary>
    public string Justification { get; }
}
