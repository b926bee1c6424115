using System.Linq;
using Tenancy.Declarations.Model;

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
        writer.WriteLine($"{(repository.IsPublic ? "public" : "internal")} sealed partial class {repository.ClassName}");
        writer.OpenBlock();
        writer.WriteLine($"/// <summary>Converts <see cref=\"{Cref(entity.TypeName)}\"/> to and from DynamoDB attribute maps without reflection.</summary>");
        writer.WriteLine(Names.GeneratedCode);
        writer.WriteLine("internal static class ItemMapper");
        writer.OpenBlock();
        writer.WriteLine($"/// <summary>The entity's stored attributes (no key attributes; encrypted attributes still in plaintext).</summary>");
        writer.WriteLine($"public static {Names.Item} ToItem({entity.TypeName} value) => ToMap{entity.Root.HelperSuffix}(value);");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Reads the entity from an item whose encrypted attributes were already decrypted.</summary>");
        writer.WriteLine($"public static {entity.TypeName} FromItem({Names.Item} item) => FromMap{entity.Root.HelperSuffix}(item);");
        foreach (var obj in new[] { entity.Root }.Concat(entity.NestedObjects))
        {
            // The item also receives the table and index key attributes; size it once.
            var keyAttributes = obj == entity.Root ? 2 + (2 * entity.Indexes.Count) : 0;
            writer.WriteLine();
            EmitToMap(writer, obj, keyAttributes);
            writer.WriteLine();
            EmitFromMap(writer, obj);
        }

        foreach (var enumSpec in entity.Enums)
        {
            writer.WriteLine();
            EmitEnum(writer, enumSpec);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        RepositoryEmitter.CloseNamespace(writer, repository);
        return writer.ToString();
    }

    private static void EmitToMap(SourceWriter writer, ObjectSpec obj, int keyAttributes)
    {
        writer.WriteLine($"internal static {Names.Item} ToMap{obj.HelperSuffix}({obj.TypeName} value)");
        writer.OpenBlock();
        writer.WriteLine($"var map = new {Names.Item}({obj.Properties.Count + keyAttributes});");
        foreach (var property in obj.Properties)
        {
            var access = "value." + Identifier.Escape(property.Name);
            var key = Identifier.Literal(property.StoredName);
            var local = "p" + property.Name;
            if (property.Type.Kind == ValueKind.Set)
            {
                // DynamoDB has no empty sets: an empty set is not stored and reads back empty.
                writer.WriteLine($"if ({access} is {{ Count: > 0 }} {local})");
                writer.OpenBlock();
                writer.WriteLine($"map[{key}] = {ValueConversions.Write(property.Type.AsNonNullable(), local, 0)};");
                writer.CloseBlock();
            }
            else if (property.Type.IsNullable || !property.Type.IsValueType)
            {
                writer.WriteLine($"if ({access} is {{ }} {local})");
                writer.OpenBlock();
                writer.WriteLine($"map[{key}] = {ValueConversions.Write(property.Type.AsNonNullable(), local, 0)};");
                writer.CloseBlock();
            }
            else
            {
                writer.WriteLine($"map[{key}] = {ValueConversions.Write(property.Type, access, 0)};");
            }

            writer.WriteLine();
        }

        writer.WriteLine("return map;");
        writer.CloseBlock();
    }

    internal static void EmitFromMap(SourceWriter writer, ObjectSpec obj)
    {
        writer.WriteLine($"internal static {obj.TypeName} FromMap{obj.HelperSuffix}({Names.Item} map)");
        writer.OpenBlock();
        foreach (var property in obj.Properties)
        {
            var type = property.Type;
            var key = Identifier.Literal(property.StoredName);
            var local = "p" + property.Name;
            var attribute = "a" + property.Name;
            var read = ValueConversions.Read(type.AsNonNullable(), attribute, key, 0);
            if (!type.IsNullable && !type.IsValueType && ValueConversions.EmptyCollection(type) is null)
            {
                writer.WriteLine($"var {attribute} = {Names.Reader}.Required(map, {key});");
                writer.WriteLine($"{type.TypeName} {local} = {read};");
            }
            else
            {
                var fallback = type.IsNullable ? "null" : ValueConversions.EmptyCollection(type) ?? "default";
                var optional = $"{Names.Reader}.Optional(map, {key})";
                writer.WriteLine($"{type.TypeName} {local} = {optional} is {{ }} {attribute} ? {read} : {fallback};");
            }
        }

        var arguments = string.Join(", ", obj.ConstructorParameters.Select(name => "p" + name));
        var initialized = obj.Properties.Where(p => !p.IsConstructorParameter).ToList();
        if (initialized.Count == 0)
        {
            writer.WriteLine($"return new {obj.TypeName}({arguments});");
        }
        else
        {
            writer.WriteLine($"return new {obj.TypeName}({arguments})");
            writer.OpenBlock();
            foreach (var property in initialized)
            {
                writer.WriteLine($"{Identifier.Escape(property.Name)} = p{property.Name},");
            }

            writer.CloseBlock("};");
        }

        writer.CloseBlock();
    }

    internal static void EmitEnum(SourceWriter writer, EnumSpec spec)
    {
        writer.WriteLine($"internal static string Format{spec.HelperSuffix}({spec.TypeName} value) => value switch");
        writer.OpenBlock();
        foreach (var member in spec.Members)
        {
            writer.WriteLine($"{spec.TypeName}.{Identifier.Escape(member)} => {Identifier.Literal(member)},");
        }

        writer.WriteLine($"_ => (({spec.UnderlyingTypeName})value).ToString({Names.Invariant}),");
        writer.CloseBlock("};");
        writer.WriteLine();
        writer.WriteLine($"internal static {spec.TypeName} Parse{spec.HelperSuffix}(string text, string name) => text switch");
        writer.OpenBlock();
        foreach (var member in spec.Members)
        {
            writer.WriteLine($"{Identifier.Literal(member)} => {spec.TypeName}.{Identifier.Escape(member)},");
        }

        var tryParse = Code.Call($"{spec.UnderlyingTypeName}.TryParse", "text", "global::System.Globalization.NumberStyles.Integer", Names.Invariant, "out var number");
        writer.WriteLine($"_ => {tryParse}");
        writer.Indent();
        writer.WriteLine($"? ({spec.TypeName})number");
        writer.WriteLine($": throw {Names.Reader}.Unparsable(name, {Identifier.Literal(spec.TypeName.Replace("global::", string.Empty))}),");
        writer.Unindent();
        writer.CloseBlock("};");
    }

    internal static string Cref(string typeName) => typeName.Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}');
}
