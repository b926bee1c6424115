using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>The assembly's <c>[assembly: ControlPlaneAssembly("…")]</c>, if any, and whether it counts.</summary>
internal sealed class ControlPlaneDeclaration
{
    private ControlPlaneDeclaration(AttributeData? attribute, bool isValid)
    {
        Attribute = attribute;
        IsValid = isValid;
    }

    public AttributeData? Attribute { get; }

    /// <summary>Declared with a non-blank justification. A blank one does not exempt anything (fail closed).</summary>
    public bool IsValid { get; }

    public bool IsControlPlane => Attribute is not null && IsValid;

    public static ControlPlaneDeclaration Read(Compilation compilation)
    {
        var attributeType = compilation.GetTypeByMetadataName("Tenancy.Isolation.ControlPlaneAssemblyAttribute");
        var attribute = TenancyTypes.Find(compilation.Assembly, attributeType);
        if (attribute is null)
        {
            return new ControlPlaneDeclaration(null, isValid: false);
        }

        var justification = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        return new ControlPlaneDeclaration(attribute, !string.IsNullOrWhiteSpace(justification));
    }
}
