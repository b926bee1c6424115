namespace Tenancy.Generators.Model;

/// <summary>An enum stored by member name; values without a name are stored as their number.</summary>
internal sealed record EnumSpec(string TypeName, string HelperSuffix, string UnderlyingTypeName, EquatableArray<string> Members);
