using System.Linq;
using Tenancy.Generators.Model;

namespace Tenancy.Generators.Emitting;

/// <summary>
/// Emits <c>ItemMapper</c>: reflection-free conversion of the entity (and every nested object and enum it reaches)
/// to and from DynamoDB attribute maps. Keys and encryption are the repository's job, not the mapper's.
/// </summary>
internal static class MapperEmitter
{
    public static string Emit(RepositorySpec repository)
    {
        var entity = repository.Entity;
        var writer = new SourceWriter();
        RepositoryEmitter.Header(writer);
        RepositoryEmitter.OpenNamespace(writer, repository);
        writer.Line($"{(repository.IsPublic ? "public" : "internal")} sealed partial class {repository.ClassName}");
        writer.Line("{");
        writer.Line($"/// <summary>Converts <see cref=\"{Cref(entity.TypeName)}\"/> to and from DynamoDB attribute maps without reflection.</summary>");
        writer.Line(Names.GeneratedCode);
        writer.Line("internal static class ItemMapper");
        writer.Line("{");
        writer.Line($"/// <summary>The entity's stored attributes (no key attributes; encrypted attributes still in plaintext).</summary>");
        writer.Line($"public static {Names.Item} ToItem({entity.TypeName} value) => ToMap{entity.Root.HelperSuffix}(value);");
        writer.Line();
        writer.Line($"/// <summary>Reads the entity from an item whose encrypted attributes were already decrypted.</summary>");
        writer.Line($"public static {entity.TypeName} FromItem({Names.Item} item) => FromMap{entity.Root.HelperSuffix}(item);");
        foreach (var obj in new[] { entity.Root }.Concat(entity.NestedObjects))
        {
            // The item also receives the table and index key attributes; size it once.
            var keyAttributes = obj == entity.Root ? 2 + (2 * entity.Indexes.Count) : 0;
            writer.Line();
            EmitToMap(writer, obj, keyAttributes);
            writer.Line();
            EmitFromMap(writer, obj);
        }

        foreach (var enumSpec in entity.Enums)
        {
            writer.Line();
            EmitEnum(writer, enumSpec);
        }

        writer.Line("}");
        writer.Line("}");
        RepositoryEmitter.CloseNamespace(writer, repository);
        return writer.ToString();
    }

    private static void EmitToMap(SourceWriter writer, ObjectSpec obj, int keyAttributes)
    {
        writer.Line($"internal static {Names.Item} ToMap{obj.HelperSuffix}({obj.TypeName} value)");
        writer.Line("{");
        writer.Line($"var map = new {Names.Item}({obj.Properties.Count + keyAttributes});");
        foreach (var property in obj.Properties)
        {
            var access = "value." + Identifier.Escape(property.Name);
            var key = Identifier.Literal(property.StoredName);
            var local = "p" + property.Name;
            if (property.Type.Kind == ValueKind.Set)
            {
                // DynamoDB has no empty sets: an empty set is not stored and reads back empty.
                writer.Line($"if ({access} is {{ Count: > 0 }} {local})");
                writer.Line("{");
                writer.Line($"map[{key}] = {ValueConversions.Write(property.Type.AsNonNullable(), local, 0)};");
                writer.Line("}");
            }
            else if (property.Type.IsNullable || !property.Type.IsValueType)
            {
                writer.Line($"if ({access} is {{ }} {local})");
                writer.Line("{");
                writer.Line($"map[{key}] = {ValueConversions.Write(property.Type.AsNonNullable(), local, 0)};");
                writer.Line("}");
            }
            else
            {
                writer.Line($"map[{key}] = {ValueConversions.Write(property.Type, access, 0)};");
            }

            writer.Line();
        }

        writer.Line("return map;");
        writer.Line("}");
    }

    private static void EmitFromMap(SourceWriter writer, ObjectSpec obj)
    {
        writer.Line($"internal static {obj.TypeName} FromMap{obj.HelperSuffix}({Names.Item} map)");
        writer.Line("{");
        foreach (var property in obj.Properties)
        {
            var type = property.Type;
            var key = Identifier.Literal(property.StoredName);
            var local = "p" + property.Name;
            var attribute = "a" + property.Name;
            var read = ValueConversions.Read(type.AsNonNullable(), attribute, key, 0);
            if (!type.IsNullable && !type.IsValueType && ValueConversions.EmptyCollection(type) is null)
            {
                writer.Line($"var {attribute} = {Names.Reader}.Required(map, {key});");
                writer.Line($"{type.TypeName} {local} = {read};");
            }
            else
            {
                var fallback = type.IsNullable ? "null" : ValueConversions.EmptyCollection(type) ?? "default";
                writer.Line($"{type.TypeName} {local} = {Names.Reader}.Optional(map, {key}) is {{ }} {attribute} ? {read} : {fallback};");
            }
        }

        var arguments = string.Join(", ", obj.ConstructorParameters.Select(name => "p" + name));
        var initialized = obj.Properties.Where(p => !p.IsConstructorParameter).ToList();
        if (initialized.Count == 0)
        {
            writer.Line($"return new {obj.TypeName}({arguments});");
        }
        else
        {
            writer.Line($"return new {obj.TypeName}({arguments})");
            writer.Line("{");
            foreach (var property in initialized)
            {
                writer.Line($"{Identifier.Escape(property.Name)} = p{property.Name},");
            }

            writer.Line("};");
        }

        writer.Line("}");
    }

    private static void EmitEnum(SourceWriter writer, EnumSpec spec)
    {
        writer.Line($"internal static string Format{spec.HelperSuffix}({spec.TypeName} value) => value switch");
        writer.Line("{");
        foreach (var member in spec.Members)
        {
            writer.Line($"{spec.TypeName}.{Identifier.Escape(member)} => {Identifier.Literal(member)},");
        }

        writer.Line($"_ => (({spec.UnderlyingTypeName})value).ToString({Names.Invariant}),");
        writer.Line("};");
        writer.Line();
        writer.Line($"internal static {spec.TypeName} Parse{spec.HelperSuffix}(string text, string name) => text switch");
        writer.Line("{");
        foreach (var member in spec.Members)
        {
            writer.Line($"{Identifier.Literal(member)} => {spec.TypeName}.{Identifier.Escape(member)},");
        }

        writer.Line($"_ => {spec.UnderlyingTypeName}.TryParse(text, global::System.Globalization.NumberStyles.Integer, {Names.Invariant}, out var number)");
        writer.Indent();
        writer.Line($"? ({spec.TypeName})number");
        writer.Line($": throw {Names.Reader}.Unparsable(name, {Identifier.Literal(spec.TypeName.Replace("global::", string.Empty))}),");
        writer.Outdent();
        writer.Line("};");
    }

    internal static string Cref(string typeName) => typeName.Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}');
}
