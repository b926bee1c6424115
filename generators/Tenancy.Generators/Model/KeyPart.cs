namespace Tenancy.Generators.Model;

/// <summary>Literal text, or a placeholder naming a property (and how its value becomes a key segment).</summary>
internal sealed record KeyPart(string? Literal, string? PropertyName, ValueKind ValueKind, string? EnumSuffix, string? TypeName)
{
    public bool IsLiteral => Literal is not null;
}
