namespace Tenancy.Declarations.Model;

/// <summary>
/// A stored value's type. <see cref="TypeName"/> is fully qualified with its nullable annotation;
/// <see cref="NonNullTypeName"/> without the outer one. <see cref="NumberName"/> names the CLR number type
/// (e.g. <c>Int32</c>); <see cref="HelperSuffix"/> names the generated enum or object helpers.
/// </summary>
internal sealed record ValueTypeSpec(
    ValueKind Kind,
    string TypeName,
    string NonNullTypeName,
    bool IsNullable,
    bool IsValueType,
    string? NumberName,
    ValueTypeSpec? Element,
    CollectionShape Shape,
    string? HelperSuffix)
{
    public ValueTypeSpec AsNonNullable() => IsNullable ? this with { IsNullable = false, TypeName = NonNullTypeName } : this;
}
