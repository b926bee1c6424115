using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tenancy.Declarations.Model;

namespace Tenancy.Generators.Emitting;

/// <summary>
/// Emits a <c>[TenantProjection]</c>'s attribute names (added to the partial type) and its repository: GetItem and
/// Query that request only those attributes, so a role limited by <c>dynamodb:Attributes</c> and
/// <c>dynamodb:Select</c> can run them, with every key built from the <c>TenantScope</c> as in entity repositories.
/// </summary>
internal static class ProjectionEmitter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "scope", "page", "cancellationToken", "partitionKey", "sortKey", "request", "response", "item", "items", "names", "values", "binding",
    };

    public static string Emit(ProjectionSpec projection)
    {
        var entity = projection.Entity;
        var writer = new SourceWriter();
        foreach (var line in Names.Header.Replace("a [TenantRepository] interface", "a [TenantProjection] type").TrimEnd('\n').Split('\n'))
        {
            writer.WriteLine(line);
        }

        writer.WriteLine();
        if (projection.Namespace is not null)
        {
            writer.WriteLine($"namespace {projection.Namespace}");
            writer.OpenBlock();
        }

        writer.WriteLine($"partial {projection.TypeKeyword} {projection.Name}");
        writer.OpenBlock();
        writer.WriteLine($"/// <summary>Every attribute a read of this projection requests: keys, index keys and the projected attributes of {Identifier.Escape(entity.Name)}.</summary>");
        var names = string.Join(", ", projection.AttributeNames.Select(Identifier.Literal));
        writer.WriteLine($"public static global::System.Collections.Generic.IReadOnlyList<string> StoredAttributeNames {{ get; }} = new string[] {{ {names} }};");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Tenant-scoped, projection-only reads of <see cref=\"{MapperEmitter.Cref(projection.TypeName)}\"/>.</summary>");
        writer.WriteLine(Names.GeneratedCode);
        writer.WriteLine($"{(projection.IsPublic ? "public" : "internal")} sealed partial class {projection.ClassName}");
        writer.OpenBlock();
        writer.WriteLine($"private const string PartitionKeyAttribute = {Identifier.Literal(entity.PartitionKeyAttribute)};");
        writer.WriteLine($"private const string SortKeyAttribute = {Identifier.Literal(entity.SortKeyAttribute)};");
        writer.WriteLine($"private const string EntityPrefix = {Identifier.Literal(entity.SortKey.LiteralPrefix)};");
        var placeholders = projection.AttributeNames.Select((_, i) => "#a" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        writer.WriteLine($"private const string Projection = {Identifier.Literal(string.Join(", ", placeholders))};");
        EmitGet(writer, projection);
        EmitQuery(writer, projection);
        EmitHelpers(writer, projection, placeholders);
        writer.CloseBlock();
        if (projection.Namespace is not null)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    private static IReadOnlyList<KeyPart> Placeholders(params KeyTemplate?[] templates)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return templates.Where(t => t is not null).SelectMany(t => t!.Placeholders).Where(p => seen.Add(p.PropertyName!)).ToList();
    }

    private static string ParameterName(KeyPart part)
    {
        var name = char.ToLowerInvariant(part.PropertyName![0]) + part.PropertyName.Substring(1);
        while (Reserved.Contains(name))
        {
            name += "Value";
        }

        return Identifier.Escape(name);
    }

    private static string Parameters(IReadOnlyList<KeyPart> keys) =>
        string.Concat(keys.Select(k => $", {k.TypeName} {ParameterName(k)}"));

    private static void EmitGet(SourceWriter writer, ProjectionSpec projection)
    {
        var entity = projection.Entity;
        var keys = Placeholders(entity.PartitionKey, entity.SortKey);
        writer.WriteLine();
        writer.WriteLine("/// <summary>GetItem of the scope's tenant's item, requesting only the projected attributes; null when absent.</summary>");
        var result = $"global::System.Threading.Tasks.Task<{projection.TypeName}?>";
        writer.WriteLine($"public async {result} GetAsync({Names.TenantScope} scope{Parameters(keys)}, {Names.CancellationToken} cancellationToken = default)");
        writer.OpenBlock();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(scope);");
        writer.WriteLine($"var partitionKey = {RepositoryEmitter.PartitionKey(entity.PartitionKey, "scope", ParameterName, "KeyMapper.Format")};");
        writer.WriteLine($"var sortKey = {RepositoryEmitter.Render(entity.SortKey, ParameterName, "KeyMapper.Format")};");
        writer.WriteLine($"var request = new {Names.Model}.GetItemRequest");
        writer.OpenBlock();
        writer.WriteLine("TableName = scope.Placement.TableName,");
        writer.WriteLine($"Key = new {Names.Item} {{ [PartitionKeyAttribute] = {Names.Writer}.FromString(partitionKey), [SortKeyAttribute] = {Names.Writer}.FromString(sortKey) }},");
        writer.WriteLine("ConsistentRead = true,");
        writer.WriteLine("ProjectionExpression = Projection,");
        writer.WriteLine("ExpressionAttributeNames = ProjectionNames(),");
        writer.CloseBlock("};");
        writer.WriteLine($"var response = {Code.Await("scope.DynamoDb.GetItemAsync(request, cancellationToken)")};");
        writer.WriteLine("return response.Item is { Count: > 0 } item ? ReadItem(scope, item) : null;");
        writer.CloseBlock();
    }

    private static void EmitQuery(SourceWriter writer, ProjectionSpec projection)
    {
        var entity = projection.Entity;
        var keys = Placeholders(entity.PartitionKey);
        writer.WriteLine();
        writer.WriteLine("/// <summary>Query of the entity's items in one of the tenant's partitions, requesting only the projected attributes.</summary>");
        var result = $"global::System.Threading.Tasks.Task<global::Tenancy.Isolation.Repositories.Page<{projection.TypeName}>>";
        var page = "global::Tenancy.Isolation.Repositories.PageRequest page";
        var condition = "global::Tenancy.Isolation.Repositories.SortKeyCondition? condition";
        writer.WriteLine($"public async {result} QueryAsync({Names.TenantScope} scope{Parameters(keys)}, {condition}, {page}, {Names.CancellationToken} cancellationToken = default)");
        writer.OpenBlock();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(scope);");
        writer.WriteLine($"var partitionKey = {RepositoryEmitter.PartitionKey(entity.PartitionKey, "scope", ParameterName, "KeyMapper.Format")};");
        writer.WriteLine("var names = ProjectionNames();");
        writer.WriteLine($"var values = new {Names.Item}();");
        writer.WriteLine($"var binding = new {Names.Runtime}.ContinuationBinding(scope, null, PartitionKeyAttribute, partitionKey, PartitionKeyAttribute, EntityPrefix);");
        writer.WriteLine($"var request = new {Names.Model}.QueryRequest");
        writer.OpenBlock();
        writer.WriteLine("TableName = scope.Placement.TableName,");
        writer.WriteLine($"KeyConditionExpression = {Names.Runtime}.SortKeyExpression.Build(PartitionKeyAttribute, partitionKey, SortKeyAttribute, EntityPrefix, condition, names, values),");
        writer.WriteLine("ExpressionAttributeNames = names,");
        writer.WriteLine("ExpressionAttributeValues = values,");
        writer.WriteLine("ProjectionExpression = Projection,");
        writer.WriteLine("Select = global::Amazon.DynamoDBv2.Select.SPECIFIC_ATTRIBUTES,");
        writer.WriteLine("Limit = page.Limit,");
        writer.WriteLine($"ExclusiveStartKey = {Names.Runtime}.ContinuationTokenCodec.Decode(binding, page.ContinuationToken),");
        writer.WriteLine("ConsistentRead = true,");
        writer.CloseBlock("};");
        writer.WriteLine($"var response = {Code.Await("scope.DynamoDb.QueryAsync(request, cancellationToken)")};");
        writer.WriteLine($"var items = new global::System.Collections.Generic.List<{projection.TypeName}>(response.Items?.Count ?? 0);");
        writer.WriteLine($"foreach (var item in response.Items ?? new global::System.Collections.Generic.List<{Names.Item}>())");
        writer.OpenBlock();
        writer.WriteLine("items.Add(ReadItem(scope, item));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"return new global::Tenancy.Isolation.Repositories.Page<{projection.TypeName}>(items, {Names.Runtime}.ContinuationTokenCodec.Encode(binding, response.LastEvaluatedKey));");
        writer.CloseBlock();
    }

    private static void EmitHelpers(SourceWriter writer, ProjectionSpec projection, List<string> placeholders)
    {
        writer.WriteLine();
        writer.WriteLine("private static global::System.Collections.Generic.Dictionary<string, string> ProjectionNames() => new()");
        writer.OpenBlock();
        for (var i = 0; i < placeholders.Count; i++)
        {
            writer.WriteLine($"[{Identifier.Literal(placeholders[i])}] = {Identifier.Literal(projection.AttributeNames[i])},");
        }

        writer.CloseBlock("};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Checks the item is the scope's tenant's and maps it.</summary>");
        writer.WriteLine($"private static {projection.TypeName} ReadItem({Names.TenantScope} scope, {Names.Item} item)");
        writer.OpenBlock();
        writer.WriteLine($"{Names.Runtime}.ItemOwnership.Ensure(scope, item, PartitionKeyAttribute);");
        writer.WriteLine("return ItemMapper.FromItem(item);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Reads <see cref=\"{MapperEmitter.Cref(projection.TypeName)}\"/> from a projected item without reflection.</summary>");
        writer.WriteLine("internal static class ItemMapper");
        writer.OpenBlock();
        writer.WriteLine($"public static {projection.TypeName} FromItem({Names.Item} item) => FromMap{projection.Root.HelperSuffix}(item);");
        foreach (var obj in new[] { projection.Root }.Concat(projection.NestedObjects))
        {
            writer.WriteLine();
            MapperEmitter.EmitFromMap(writer, obj);
        }

        foreach (var enumSpec in projection.Enums)
        {
            writer.WriteLine();
            MapperEmitter.EmitEnum(writer, enumSpec);
        }

        writer.CloseBlock();
        var keyEnums = new HashSet<string>(
            Placeholders(projection.Entity.PartitionKey, projection.Entity.SortKey).Where(p => p.ValueKind == ValueKind.Enum).Select(p => p.EnumSuffix!),
            StringComparer.Ordinal);
        if (keyEnums.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Formats enum key values exactly as the entity's mapping does.</summary>");
        writer.WriteLine("internal static class KeyMapper");
        writer.OpenBlock();
        foreach (var enumSpec in projection.Entity.Enums.Where(e => keyEnums.Contains(e.HelperSuffix)))
        {
            writer.WriteLine();
            MapperEmitter.EmitEnum(writer, enumSpec);
        }

        writer.CloseBlock();
    }
}
