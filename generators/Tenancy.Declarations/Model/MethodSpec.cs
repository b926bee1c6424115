using System.Linq;

namespace Tenancy.Declarations.Model;

/// <summary>One repository method to implement.</summary>
internal sealed record MethodSpec(MethodKind Kind, string Name, string ReturnTypeName, EquatableArray<ParameterSpec> Parameters, string? IndexName)
{
    public ParameterSpec? Find(ParameterRole role) => Parameters.FirstOrDefault(p => p.Role == role);
}
