namespace Tenancy.Generators.Model;

/// <summary>A repository method parameter; <see cref="PropertyName"/> is the key placeholder a key value fills.</summary>
internal sealed record ParameterSpec(string Name, string TypeName, ParameterRole Role, string? PropertyName, bool IsOptional);
