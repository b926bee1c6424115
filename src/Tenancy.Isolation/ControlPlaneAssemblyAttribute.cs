namespace Tenancy.Isolation;

/// <summary>
/// Declares an assembly part of the control plane (onboarding, offboarding, the local cloud), which may use raw
/// DynamoDB, S3 and KMS clients (analyzer TNT003 exempts it). The <paramref name="justification"/> must name the
/// review that approved it; application-plane assemblies must never carry this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class ControlPlaneAssemblyAttribute : Attribute
{
    public ControlPlaneAssemblyAttribute(string justification)
    {
        Justification = justification;
    }

    public string Justification { get; }
}
