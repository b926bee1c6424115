using System;
using System.Collections.Generic;
using System.Linq;
using Tenancy.Generators.Model;

namespace Tenancy.Generators.Emitting;

/// <summary>
/// Emits the repository class: every key is built from the <c>TenantScope</c> plus validated key segments, on the
/// low-level DynamoDB client of the scope, against the scope's table.
/// </summary>
internal static class RepositoryEmitter
{
    public static void Header(SourceWriter writer)
    {
        foreach (var line in Names.Header.TrimEnd('\n').Split('\n'))
        {
            writer.Line(line);
        }

        writer.Line();
    }

    public static void OpenNamespace(SourceWriter writer, RepositorySpec repository)
    {
        if (repository.Namespace is not null)
        {
            writer.Line($"namespace {repository.Namespace}");
            writer.Line("{");
        }
    }

    public static void CloseNamespace(SourceWriter writer, RepositorySpec repository)
    {
        if (repository.Namespace is not null)
        {
            writer.Line("}");
        }
    }

    public static string Emit(RepositorySpec repository)
    {
        var entity = repository.Entity;
        var writer = new SourceWriter();
        Header(writer);
        OpenNamespace(writer, repository);
        writer.Line($"/// <summary>Tenant-scoped DynamoDB implementation of <see cref=\"{MapperEmitter.Cref(repository.InterfaceTypeName)}\"/>.</summary>");
        writer.Line(Names.GeneratedCode);
        writer.Line($"{(repository.IsPublic ? "public" : "internal")} sealed partial class {repository.ClassName} : {repository.InterfaceTypeName}");
        writer.Line("{");
        writer.Line($"private const string PartitionKeyAttribute = {Identifier.Literal(entity.PartitionKeyAttribute)};");
        writer.Line($"private const string SortKeyAttribute = {Identifier.Literal(entity.SortKeyAttribute)};");
        writer.Line($"private const string EntityPrefix = {Identifier.Literal(entity.SortKey.LiteralPrefix)};");
        writer.Line($"private const string EntityName = {Identifier.Literal(entity.Name)};");
        foreach (var method in repository.Methods)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public async {method.ReturnTypeName} {Identifier.Escape(method.Name)}({Signature(method)})");
            writer.Line("{");
            var locals = new Locals(method);
            foreach (var parameter in method.Parameters.Where(p => p.Role is ParameterRole.Scope or ParameterRole.Entity or ParameterRole.Keys))
            {
                writer.Line($"global::System.ArgumentNullException.ThrowIfNull({Identifier.Escape(parameter.Name)});");
            }

            switch (method.Kind)
            {
                case MethodKind.Get:
                    EmitGet(writer, repository, method, locals);
                    break;
                case MethodKind.Create:
                case MethodKind.Upsert:
                case MethodKind.Update:
                    EmitPut(writer, repository, method, locals);
                    break;
                case MethodKind.Delete:
                    EmitDelete(writer, repository, method, locals);
                    break;
                case MethodKind.Query:
                    EmitQuery(writer, repository, method, locals);
                    break;
                case MethodKind.BatchGet:
                    EmitBatchGet(writer, repository, method, locals);
                    break;
            }

            writer.Line("}");
        }

        EmitHelpers(writer, repository);
        writer.Line("}");
        CloseNamespace(writer, repository);
        return writer.ToString();
    }

    private static string Signature(MethodSpec method) =>
        string.Join(", ", method.Parameters.Select(p => $"{p.TypeName} {Identifier.Escape(p.Name)}{(p.IsOptional ? " = default" : string.Empty)}"));

    private static string Scope(MethodSpec method) => Identifier.Escape(method.Find(ParameterRole.Scope)!.Name);

    private static string Await(string call) => $"await {call}.ConfigureAwait(false)";

    private static void EmitGet(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var scope = Scope(method);
        var ct = method.CancellationExpression;
        EmitKeyFromParameters(writer, repository, method, locals);
        writer.Line($"var {locals["response"]} = {Await($"{scope}.DynamoDb.GetItemAsync(new {Names.Model}.GetItemRequest {{ TableName = {scope}.Placement.TableName, Key = KeyOf({locals["partitionKey"]}, {locals["sortKey"]}), ConsistentRead = true }}, {ct})")};");
        writer.Line($"return {locals["response"]}.Item is {{ Count: > 0 }} {locals["item"]} ? {Await($"ReadItemAsync({scope}, {locals["item"]}, {ct})")} : null;");
    }

    private static void EmitDelete(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var scope = Scope(method);
        EmitKeyFromParameters(writer, repository, method, locals);
        writer.Line($"var {locals["response"]} = {Await($"{scope}.DynamoDb.DeleteItemAsync(new {Names.Model}.DeleteItemRequest {{ TableName = {scope}.Placement.TableName, Key = KeyOf({locals["partitionKey"]}, {locals["sortKey"]}), ReturnValues = global::Amazon.DynamoDBv2.ReturnValue.ALL_OLD }}, {method.CancellationExpression})")};");
        writer.Line($"return {locals["response"]}.Attributes is {{ Count: > 0 }};");
    }

    private static void EmitKeyFromParameters(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var scope = Scope(method);
        string ValueOf(KeyPart part) => Identifier.Escape(method.Parameters.First(p => p.Role == ParameterRole.KeyValue && p.PropertyName == part.PropertyName).Name);
        writer.Line($"var {locals["partitionKey"]} = {PartitionKey(repository.Entity.PartitionKey, scope, ValueOf)};");
        writer.Line($"var {locals["sortKey"]} = {Render(repository.Entity.SortKey, ValueOf)};");
    }

    private static void EmitPut(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var entity = repository.Entity;
        var scope = Scope(method);
        var ct = method.CancellationExpression;
        var value = Identifier.Escape(method.Find(ParameterRole.Entity)!.Name);
        var item = locals["item"];
        var version = entity.Version;
        writer.Line($"var {item} = ItemMapper.ToItem({value});");
        if (version is not null && method.Kind == MethodKind.Create)
        {
            writer.Line($"{item}[{Identifier.Literal(version.StoredName)}] = {Names.Writer}.FromNumber({Names.NumberText}.Of(1L));");
        }
        else if (version is not null && method.Kind == MethodKind.Update)
        {
            writer.Line($"var {locals["expectedVersion"]} = {value}.{Identifier.Escape(version.Name)};");
            writer.Line($"{item}[{Identifier.Literal(version.StoredName)}] = {Names.Writer}.FromNumber({Names.NumberText}.Of(checked({locals["expectedVersion"]} + 1L)));");
        }

        if (entity.EncryptedAttributes.Count > 0)
        {
            writer.Line($"var ({locals["partitionKey"]}, {locals["sortKey"]}) = AddKeys({scope}, {value}, {item});");
        }
        else
        {
            writer.Line($"AddKeys({scope}, {value}, {item});");
        }

        var returnsStored = version is not null && method.Kind != MethodKind.Upsert;
        if (returnsStored)
        {
            writer.Line($"var {locals["stored"]} = ItemMapper.FromItem({item});");
        }

        if (entity.EncryptedAttributes.Count > 0)
        {
            writer.Line($"{Await($"EncryptAsync({scope}, {item}, {locals["partitionKey"]}, {locals["sortKey"]}, {ct})")};");
        }

        var request = locals["request"];
        writer.Line($"var {request} = new {Names.Model}.PutItemRequest {{ TableName = {scope}.Placement.TableName, Item = {item} }};");
        if (method.Kind == MethodKind.Create)
        {
            writer.Line($"{request}.ConditionExpression = \"attribute_not_exists(#pk)\";");
            writer.Line($"{request}.ExpressionAttributeNames = new global::System.Collections.Generic.Dictionary<string, string> {{ [\"#pk\"] = PartitionKeyAttribute }};");
        }
        else if (method.Kind == MethodKind.Update)
        {
            writer.Line($"{request}.ReturnValuesOnConditionCheckFailure = global::Amazon.DynamoDBv2.ReturnValuesOnConditionCheckFailure.ALL_OLD;");
            if (version is null)
            {
                writer.Line($"{request}.ConditionExpression = \"attribute_exists(#pk)\";");
                writer.Line($"{request}.ExpressionAttributeNames = new global::System.Collections.Generic.Dictionary<string, string> {{ [\"#pk\"] = PartitionKeyAttribute }};");
            }
            else
            {
                writer.Line($"{request}.ConditionExpression = \"attribute_exists(#pk) AND #version = :version\";");
                writer.Line($"{request}.ExpressionAttributeNames = new global::System.Collections.Generic.Dictionary<string, string> {{ [\"#pk\"] = PartitionKeyAttribute, [\"#version\"] = {Identifier.Literal(version.StoredName)} }};");
                writer.Line($"{request}.ExpressionAttributeValues = new {Names.Item} {{ [\":version\"] = {Names.Writer}.FromNumber({Names.NumberText}.Of({locals["expectedVersion"]})) }};");
            }
        }

        var put = $"{Await($"{scope}.DynamoDb.PutItemAsync({request}, {ct})")};";
        if (method.Kind == MethodKind.Upsert)
        {
            writer.Line(put);
        }
        else
        {
            writer.Line("try");
            writer.Line("{");
            writer.Line(put);
            writer.Line("}");
            writer.Line($"catch ({Names.Model}.ConditionalCheckFailedException {locals["exception"]})");
            writer.Line("{");
            var mapping = method.Kind == MethodKind.Create ? "ForCreate" : "ForUpdate";
            writer.Line($"throw {Names.Runtime}.ConditionalWriteFailures.{mapping}({locals["exception"]}, EntityName);");
            writer.Line("}");
            writer.Line();
        }

        writer.Line($"return {(returnsStored ? locals["stored"] : value)};");
    }

    private static void EmitQuery(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var entity = repository.Entity;
        var scope = Scope(method);
        var ct = method.CancellationExpression;
        var index = method.IndexName is null ? null : entity.Indexes.First(i => i.Name == method.IndexName);
        string ValueOf(KeyPart part) => Identifier.Escape(method.Parameters.First(p => p.Role == ParameterRole.KeyValue && p.PropertyName == part.PropertyName).Name);
        var partitionTemplate = index is null ? entity.PartitionKey : index.PartitionKey;
        var sortPrefix = index is null ? entity.SortKey.LiteralPrefix : index.SortKey?.LiteralPrefix ?? string.Empty;
        var condition = method.Find(ParameterRole.SortKeyCondition) is { } c ? Identifier.Escape(c.Name) : "null";
        var page = Identifier.Escape(method.Find(ParameterRole.Page)!.Name);
        var partitionAttribute = index is null ? "PartitionKeyAttribute" : Identifier.Literal(index.PartitionKeyAttribute);
        var sortAttribute = index is null ? "SortKeyAttribute" : Identifier.Literal(index.SortKeyAttribute);
        var (partitionKey, names, values, binding, request, response, items, item) =
            (locals["partitionKey"], locals["names"], locals["values"], locals["binding"], locals["request"], locals["response"], locals["items"], locals["item"]);

        writer.Line($"var {partitionKey} = {PartitionKey(partitionTemplate, scope, ValueOf)};");
        writer.Line($"var {names} = new global::System.Collections.Generic.Dictionary<string, string>();");
        writer.Line($"var {values} = new {Names.Item}();");
        writer.Line($"var {binding} = new {Names.Runtime}.ContinuationBinding({scope}, {(index is null ? "null" : Identifier.Literal(index.Name))}, {partitionAttribute}, {partitionKey}, PartitionKeyAttribute, EntityPrefix);");
        writer.Line($"var {request} = new {Names.Model}.QueryRequest");
        writer.Line("{");
        writer.Line($"TableName = {scope}.Placement.TableName,");
        if (index is not null)
        {
            writer.Line($"IndexName = {Identifier.Literal(index.Name)},");
        }

        writer.Line($"KeyConditionExpression = {Names.Runtime}.SortKeyExpression.Build({partitionAttribute}, {partitionKey}, {sortAttribute}, {Identifier.Literal(sortPrefix)}, {condition}, {names}, {values}),");
        writer.Line($"ExpressionAttributeNames = {names},");
        writer.Line($"ExpressionAttributeValues = {values},");
        writer.Line($"Limit = {page}.Limit,");
        writer.Line($"ExclusiveStartKey = {Names.Runtime}.ContinuationTokenCodec.Decode({binding}, {page}.ContinuationToken),");
        if (index is null)
        {
            writer.Line("ConsistentRead = true,");
        }

        writer.Line("};");
        if (index is not null)
        {
            writer.Line("// An index can hold several entity types; keep only this one's items.");
            writer.Line($"{request}.FilterExpression = \"begins_with(#entitySortKey, :entityPrefix)\";");
            writer.Line($"{names}[\"#entitySortKey\"] = SortKeyAttribute;");
            writer.Line($"{values}[\":entityPrefix\"] = {Names.Writer}.FromString(EntityPrefix);");
        }

        writer.Line($"var {response} = {Await($"{scope}.DynamoDb.QueryAsync({request}, {ct})")};");
        writer.Line($"var {items} = new global::System.Collections.Generic.List<{entity.TypeName}>({response}.Items?.Count ?? 0);");
        writer.Line($"foreach (var {item} in {response}.Items ?? new global::System.Collections.Generic.List<{Names.Item}>())");
        writer.Line("{");
        if (index is not null)
        {
            writer.Line($"if (!{item}.TryGetValue({partitionAttribute}, out var {locals["indexKey"]}) || {locals["indexKey"]}.S != {partitionKey})");
            writer.Line("{");
            writer.Line($"throw new global::Tenancy.Isolation.TenantAccessDeniedException(global::Tenancy.Isolation.TenantAccessDeniedReason.CredentialMismatch, \"An index query returned an item outside its partition; it was discarded.\");");
            writer.Line("}");
            writer.Line();
        }

        writer.Line($"{items}.Add({Await($"ReadItemAsync({scope}, {item}, {ct})")});");
        writer.Line("}");
        writer.Line();
        writer.Line($"return new global::Tenancy.Isolation.Repositories.Page<{entity.TypeName}>({items}, {Names.Runtime}.ContinuationTokenCodec.Encode({binding}, {response}.LastEvaluatedKey));");
    }

    private static void EmitBatchGet(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var entity = repository.Entity;
        var scope = Scope(method);
        var ct = method.CancellationExpression;
        var keysParameter = Identifier.Escape(method.Find(ParameterRole.Keys)!.Name);
        var (keys, keyValue, found, results, item) = (locals["keys"], locals["keyValue"], locals["found"], locals["results"], locals["item"]);
        string ValueOf(KeyPart part) => keyValue;
        writer.Line($"var {keys} = new global::System.Collections.Generic.List<{Names.Item}>();");
        writer.Line($"foreach (var {keyValue} in {keysParameter})");
        writer.Line("{");
        writer.Line($"{keys}.Add(KeyOf({PartitionKey(entity.PartitionKey, scope, ValueOf)}, {Render(entity.SortKey, ValueOf)}));");
        writer.Line("}");
        writer.Line();
        writer.Line($"var {found} = {Await($"{Names.Runtime}.BatchGetRunner.GetAsync({scope}.DynamoDb, {scope}.Placement.TableName, {keys}, PartitionKeyAttribute, SortKeyAttribute, {ct})")};");
        writer.Line($"var {results} = new global::System.Collections.Generic.List<{entity.TypeName}>({found}.Count);");
        writer.Line($"foreach (var {item} in {found})");
        writer.Line("{");
        writer.Line($"{results}.Add({Await($"ReadItemAsync({scope}, {item}, {ct})")});");
        writer.Line("}");
        writer.Line();
        writer.Line($"return {results};");
    }

    private static void EmitHelpers(SourceWriter writer, RepositorySpec repository)
    {
        var entity = repository.Entity;
        writer.Line();
        writer.Line($"private static {Names.Item} KeyOf(string partitionKey, string sortKey) => new(2)");
        writer.Line("{");
        writer.Line($"[PartitionKeyAttribute] = {Names.Writer}.FromString(partitionKey),");
        writer.Line($"[SortKeyAttribute] = {Names.Writer}.FromString(sortKey),");
        writer.Line("};");

        writer.Line();
        writer.Line("/// <summary>Writes the table and index keys of <paramref name=\"entity\"/>, all under the scope's tenant.</summary>");
        writer.Line($"private static (string PartitionKey, string SortKey) AddKeys({Names.TenantScope} scope, {entity.TypeName} entity, {Names.Item} item)");
        writer.Line("{");
        static string EntityValue(KeyPart part) => "entity." + Identifier.Escape(part.PropertyName!);
        writer.Line($"var partitionKey = {PartitionKey(entity.PartitionKey, "scope", EntityValue)};");
        writer.Line($"var sortKey = {Render(entity.SortKey, EntityValue)};");
        writer.Line($"item[PartitionKeyAttribute] = {Names.Writer}.FromString(partitionKey);");
        writer.Line($"item[SortKeyAttribute] = {Names.Writer}.FromString(sortKey);");
        foreach (var index in entity.Indexes)
        {
            writer.Line($"item[{Identifier.Literal(index.PartitionKeyAttribute)}] = {Names.Writer}.FromString({PartitionKey(index.PartitionKey, "scope", EntityValue)});");
            if (index.SortKey is not null)
            {
                writer.Line($"item[{Identifier.Literal(index.SortKeyAttribute)}] = {Names.Writer}.FromString({Render(index.SortKey, EntityValue)});");
            }
        }

        writer.Line("return (partitionKey, sortKey);");
        writer.Line("}");

        var encrypted = entity.EncryptedAttributes;
        writer.Line();
        writer.Line("/// <summary>Checks the item is the scope's tenant's, decrypts its encrypted attributes and maps it.</summary>");
        if (encrypted.Count == 0)
        {
            writer.Line($"private static global::System.Threading.Tasks.ValueTask<{entity.TypeName}> ReadItemAsync({Names.TenantScope} scope, {Names.Item} item, {Names.CancellationToken} cancellationToken)");
            writer.Line("{");
            writer.Line($"{Names.Runtime}.ItemOwnership.Ensure(scope, item, PartitionKeyAttribute);");
            writer.Line($"return new global::System.Threading.Tasks.ValueTask<{entity.TypeName}>(ItemMapper.FromItem(item));");
            writer.Line("}");
            return;
        }

        writer.Line($"private static async global::System.Threading.Tasks.ValueTask<{entity.TypeName}> ReadItemAsync({Names.TenantScope} scope, {Names.Item} item, {Names.CancellationToken} cancellationToken)");
        writer.Line("{");
        writer.Line($"{Names.Runtime}.ItemOwnership.Ensure(scope, item, PartitionKeyAttribute);");
        writer.Line($"var partitionKey = {Names.Reader}.ToString({Names.Reader}.Required(item, PartitionKeyAttribute), PartitionKeyAttribute);");
        writer.Line($"var sortKey = {Names.Reader}.ToString({Names.Reader}.Required(item, SortKeyAttribute), SortKeyAttribute);");
        foreach (var name in encrypted)
        {
            writer.Line($"await {Names.Runtime}.EncryptedAttributes.DecryptAsync(scope, item, {Identifier.Literal(name)}, partitionKey, sortKey, cancellationToken).ConfigureAwait(false);");
        }

        writer.Line("return ItemMapper.FromItem(item);");
        writer.Line("}");
        writer.Line();
        writer.Line("/// <summary>Replaces the plaintext of every encrypted attribute with its ciphertext bound to the item's keys.</summary>");
        writer.Line($"private static async global::System.Threading.Tasks.ValueTask EncryptAsync({Names.TenantScope} scope, {Names.Item} item, string partitionKey, string sortKey, {Names.CancellationToken} cancellationToken)");
        writer.Line("{");
        foreach (var name in encrypted)
        {
            writer.Line($"await {Names.Runtime}.EncryptedAttributes.EncryptAsync(scope, item, {Identifier.Literal(name)}, partitionKey, sortKey, cancellationToken).ConfigureAwait(false);");
        }

        writer.Line("}");
    }

    private static string PartitionKey(KeyTemplate? template, string scope, Func<KeyPart, string> valueOf) =>
        template is null || template.IsEmpty
            ? $"{Names.TenantKeys}.Partition({scope})"
            : $"{Names.TenantKeys}.Partition({scope}, {Render(template, valueOf)})";

    /// <summary>The template as a string expression; every placeholder value passes through KeySegment validation.</summary>
    private static string Render(KeyTemplate template, Func<KeyPart, string> valueOf)
    {
        var parts = new List<string>();
        foreach (var part in template.Parts)
        {
            if (part.IsLiteral)
            {
                parts.Add(Identifier.Literal(part.Literal!));
                continue;
            }

            var value = valueOf(part);
            var segment = part.ValueKind == ValueKind.Enum ? $"ItemMapper.Format{part.EnumSuffix}({value})" : value;
            parts.Add($"{Names.KeySegment}.Of({segment}, {Identifier.Literal(part.PropertyName!)})");
        }

        return parts.Count == 1 && !template.Parts[0].IsLiteral ? parts[0] : string.Join(" + ", parts);
    }

    /// <summary>Local variable names that never collide with the method's parameter names.</summary>
    private sealed class Locals
    {
        private readonly HashSet<string> _parameters;

        public Locals(MethodSpec method)
        {
            _parameters = new HashSet<string>(method.Parameters.Select(p => p.Name), StringComparer.Ordinal);
        }

        public string this[string name]
        {
            get
            {
                var local = name;
                while (_parameters.Contains(local))
                {
                    local += "Value";
                }

                return local;
            }
        }
    }
}
