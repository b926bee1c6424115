using System.Linq;

namespace Tenancy.Generators.Model;

/// <summary>One repository method to implement.</summary>
internal sealed record MethodSpec(MethodKind Kind, string Name, string ReturnTypeName, EquatableArray<ParameterSpec> Parameters, string? IndexName)
{
    public ParameterSpec? Find(ParameterRole role) => Parameters.FirstOrDefault(p => p.Role == role);

    public string CancellationExpression => Find(ParameterRole.CancellationToken)?.Name is { } name ? Emitting.Identifier.Escape(name) : "global::System.Threading.CancellationToken.None";
}
