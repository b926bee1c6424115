using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tenancy.Analyzers.Model;

/// <summary>The assembly's <c>[assembly: ControlPlaneAssembly("…")]</c>, if any, and whether it counts.</summary>
internal sealed class ControlPlaneDeclaration
{
    private ControlPlaneDeclaration(AttributeData? attribute, bool isValid, string? problem)
    {
        Attribute = attribute;
        IsValid = isValid;
        Problem = problem;
    }

    /// <summary>Why a declared attribute does not count, for the TNT003 message.</summary>
    public string? Problem { get; }

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
            return new ControlPlaneDeclaration(null, isValid: false, problem: null);
        }

        var justification = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (string.IsNullOrWhiteSpace(justification))
        {
            return new ControlPlaneDeclaration(attribute, isValid: false, "[assembly: ControlPlaneAssembly] needs a non-empty justification naming the review that approved it; without one the assembly is not exempt");
        }

        // Reviews find the declaration by its name (scripts/check-control-plane.sh); an alias would hide it.
        var name = (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.Name;
        var simpleName = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
        if (simpleName is not ("ControlPlaneAssembly" or "ControlPlaneAssemblyAttribute"))
        {
            return new ControlPlaneDeclaration(attribute, isValid: false, "[assembly: ControlPlaneAssembly] must be spelled by its name (not through a using alias) so that reviews find it; the assembly is not exempt");
        }

        return new ControlPlaneDeclaration(attribute, isValid: true, problem: null);
    }
}
