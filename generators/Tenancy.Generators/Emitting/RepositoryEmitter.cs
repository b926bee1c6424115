using System;
using System.Collections.Generic;
using System.Linq;
using Tenancy.Declarations.Model;

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
            writer.WriteLine(line);
        }

        writer.WriteLine();
    }

    public static void OpenNamespace(SourceWriter writer, RepositorySpec repository)
    {
        if (repository.Namespace is not null)
        {
            writer.WriteLine($"namespace {repository.Namespace}");
            writer.OpenBlock();
        }
    }

    public static void CloseNamespace(SourceWriter writer, RepositorySpec repository)
    {
        if (repository.Namespace is not null)
        {
            writer.CloseBlock();
        }
    }

    public static string Emit(RepositorySpec repository)
    {
        var entity = repository.Entity;
        var writer = new SourceWriter();
        Header(writer);
        OpenNamespace(writer, repository);
        writer.WriteLine($"/// <summary>Tenant-scoped DynamoDB implementation of <see cref=\"{MapperEmitter.Cref(repository.InterfaceTypeName)}\"/>.</summary>");
        writer.WriteLine(Names.GeneratedCode);
        writer.WriteLine($"{(repository.IsPublic ? "public" : "internal")} sealed partial class {repository.ClassName} : {repository.InterfaceTypeName}");
        writer.OpenBlock();
        writer.WriteLine($"private const string PartitionKeyAttribute = {Identifier.Literal(entity.PartitionKeyAttribute)};");
        writer.WriteLine($"private const string SortKeyAttribute = {Identifier.Literal(entity.SortKeyAttribute)};");
        writer.WriteLine($"private const string EntityPrefix = {Identifier.Literal(entity.SortKey.LiteralPrefix)};");
        writer.WriteLine($"private const string EntityName = {Identifier.Literal(entity.Name)};");
        foreach (var method in repository.Methods)
        {
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            writer.WriteLine($"public async {method.ReturnTypeName} {Identifier.Escape(method.Name)}({Signature(method)})");
            writer.OpenBlock();
            var locals = new Locals(method);
            foreach (var parameter in method.Parameters.Where(p => p.Role is ParameterRole.Scope or ParameterRole.Entity or ParameterRole.Keys))
            {
                writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({Identifier.Escape(parameter.Name)});");
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

            writer.CloseBlock();
        }

        EmitHelpers(writer, repository);
        writer.CloseBlock();
        CloseNamespace(writer, repository);
        return writer.ToString();
    }

    private static string Signature(MethodSpec method) =>
        string.Join(", ", method.Parameters.Select(p => $"{p.TypeName} {Identifier.Escape(p.Name)}{(p.IsOptional ? " = default" : string.Empty)}"));

    private static string Scope(MethodSpec method) => Identifier.Escape(method.Find(ParameterRole.Scope)!.Name);

    private static string KeyOf(Locals locals) => Code.Call("KeyOf", locals["partitionKey"], locals["sortKey"]);

    private static string NamesDictionary(string entries) => $"new global::System.Collections.Generic.Dictionary<string, string> {{ {entries} }}";

    private static void EmitGet(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var scope = Scope(method);
        var ct = CancellationExpression(method);
        EmitKeyFromParameters(writer, repository, method, locals);
        var request = Code.New(
            $"{Names.Model}.GetItemRequest",
            Code.Assign("TableName", $"{scope}.Placement.TableName"),
            Code.Assign("Key", KeyOf(locals)),
            Code.Assign("ConsistentRead", "true"));
        var read = Code.Await(Code.Call("ReadItemAsync", scope, locals["item"], ct));
        writer.WriteLine($"var {locals["response"]} = {Code.Await(Code.Call($"{scope}.DynamoDb.GetItemAsync", request, ct))};");
        writer.WriteLine($"return {locals["response"]}.Item is {{ Count: > 0 }} {locals["item"]} ? {read} : null;");
    }

    private static void EmitDelete(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var scope = Scope(method);
        EmitKeyFromParameters(writer, repository, method, locals);
        var request = Code.New(
            $"{Names.Model}.DeleteItemRequest",
            Code.Assign("TableName", $"{scope}.Placement.TableName"),
            Code.Assign("Key", KeyOf(locals)),
            Code.Assign("ReturnValues", "global::Amazon.DynamoDBv2.ReturnValue.ALL_OLD"));
        writer.WriteLine($"var {locals["response"]} = {Code.Await(Code.Call($"{scope}.DynamoDb.DeleteItemAsync", request, CancellationExpression(method)))};");
        writer.WriteLine($"return {locals["response"]}.Attributes is {{ Count: > 0 }};");
    }

    private static void EmitKeyFromParameters(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var scope = Scope(method);
        string ValueOf(KeyPart part) => Identifier.Escape(method.Parameters.First(p => p.Role == ParameterRole.KeyValue && p.PropertyName == part.PropertyName).Name);
        writer.WriteLine($"var {locals["partitionKey"]} = {PartitionKey(repository.Entity.PartitionKey, scope, ValueOf)};");
        writer.WriteLine($"var {locals["sortKey"]} = {Render(repository.Entity.SortKey, ValueOf)};");
    }

    private static void EmitPut(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var entity = repository.Entity;
        var scope = Scope(method);
        var ct = CancellationExpression(method);
        var value = Identifier.Escape(method.Find(ParameterRole.Entity)!.Name);
        var item = locals["item"];
        var version = entity.Version;
        writer.WriteLine($"var {item} = ItemMapper.ToItem({value});");
        if (version is not null && method.Kind == MethodKind.Create)
        {
            writer.WriteLine($"{item}[{Identifier.Literal(version.StoredName)}] = {Names.Writer}.FromNumber({Names.NumberText}.Of(1L));");
        }
        else if (version is not null && method.Kind == MethodKind.Update)
        {
            writer.WriteLine($"var {locals["expectedVersion"]} = {value}.{Identifier.Escape(version.Name)};");
            var next = $"checked({locals["expectedVersion"]} + 1L)";
            writer.WriteLine($"{item}[{Identifier.Literal(version.StoredName)}] = {Names.Writer}.FromNumber({Names.NumberText}.Of({next}));");
        }

        if (entity.EncryptedAttributes.Count > 0)
        {
            writer.WriteLine($"var ({locals["partitionKey"]}, {locals["sortKey"]}) = AddKeys({scope}, {value}, {item});");
        }
        else
        {
            writer.WriteLine($"AddKeys({scope}, {value}, {item});");
        }

        var returnsStored = version is not null && method.Kind != MethodKind.Upsert;
        if (returnsStored)
        {
            writer.WriteLine($"var {locals["stored"]} = ItemMapper.FromItem({item});");
        }

        if (entity.EncryptedAttributes.Count > 0)
        {
            writer.WriteLine($"{Code.Await(Code.Call("EncryptAsync", scope, item, locals["partitionKey"], locals["sortKey"], ct))};");
        }

        var request = locals["request"];
        writer.WriteLine($"var {request} = new {Names.Model}.PutItemRequest {{ TableName = {scope}.Placement.TableName, Item = {item} }};");
        if (method.Kind == MethodKind.Create)
        {
            writer.WriteLine($"{request}.ConditionExpression = \"attribute_not_exists(#pk)\";");
            writer.WriteLine($"{request}.ExpressionAttributeNames = {NamesDictionary("[\"#pk\"] = PartitionKeyAttribute")};");
        }
        else if (method.Kind == MethodKind.Update)
        {
            const string allOld = "global::Amazon.DynamoDBv2.ReturnValuesOnConditionCheckFailure.ALL_OLD";
            writer.WriteLine($"{request}.ReturnValuesOnConditionCheckFailure = {allOld};");
            if (version is null)
            {
                writer.WriteLine($"{request}.ConditionExpression = \"attribute_exists(#pk)\";");
                writer.WriteLine($"{request}.ExpressionAttributeNames = {NamesDictionary("[\"#pk\"] = PartitionKeyAttribute")};");
            }
            else
            {
                writer.WriteLine($"{request}.ConditionExpression = \"attribute_exists(#pk) AND #version = :version\";");
                var versionName = $"[\"#version\"] = {Identifier.Literal(version.StoredName)}";
                var versionValue = $"[\":version\"] = {Names.Writer}.FromNumber({Names.NumberText}.Of({locals["expectedVersion"]}))";
                writer.WriteLine($"{request}.ExpressionAttributeNames = {NamesDictionary("[\"#pk\"] = PartitionKeyAttribute, " + versionName)};");
                writer.WriteLine($"{request}.ExpressionAttributeValues = new {Names.Item} {{ {versionValue} }};");
            }
        }

        var put = $"{Code.Await($"{scope}.DynamoDb.PutItemAsync({request}, {ct})")};";
        if (method.Kind == MethodKind.Upsert)
        {
            writer.WriteLine(put);
        }
        else
        {
            writer.WriteLine("try");
            writer.OpenBlock();
            writer.WriteLine(put);
            writer.CloseBlock();
            writer.WriteLine($"catch ({Names.Model}.ConditionalCheckFailedException {locals["exception"]})");
            writer.OpenBlock();
            var mapping = method.Kind == MethodKind.Create ? "ForCreate" : "ForUpdate";
            writer.WriteLine($"throw {Names.Runtime}.ConditionalWriteFailures.{mapping}({locals["exception"]}, EntityName);");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine($"return {(returnsStored ? locals["stored"] : value)};");
    }

    private static void EmitQuery(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var entity = repository.Entity;
        var scope = Scope(method);
        var ct = CancellationExpression(method);
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

        writer.WriteLine($"var {partitionKey} = {PartitionKey(partitionTemplate, scope, ValueOf)};");
        writer.WriteLine($"var {names} = new global::System.Collections.Generic.Dictionary<string, string>();");
        writer.WriteLine($"var {values} = new {Names.Item}();");
        var indexName = index is null ? "null" : Identifier.Literal(index.Name);
        var newBinding = Code.Call($"new {Names.Runtime}.ContinuationBinding", scope, indexName, partitionAttribute, partitionKey, "PartitionKeyAttribute", "EntityPrefix");
        writer.WriteLine($"var {binding} = {newBinding};");
        writer.WriteLine($"var {request} = new {Names.Model}.QueryRequest");
        writer.OpenBlock();
        writer.WriteLine($"TableName = {scope}.Placement.TableName,");
        if (index is not null)
        {
            writer.WriteLine($"IndexName = {Identifier.Literal(index.Name)},");
        }

        var keyCondition = Code.Call(
            $"{Names.Runtime}.SortKeyExpression.Build",
            partitionAttribute,
            partitionKey,
            sortAttribute,
            Identifier.Literal(sortPrefix),
            condition,
            names,
            values);
        writer.WriteLine($"KeyConditionExpression = {keyCondition},");
        writer.WriteLine($"ExpressionAttributeNames = {names},");
        writer.WriteLine($"ExpressionAttributeValues = {values},");
        writer.WriteLine($"Limit = {page}.Limit,");
        writer.WriteLine($"ExclusiveStartKey = {Names.Runtime}.ContinuationTokenCodec.Decode({binding}, {page}.ContinuationToken),");
        if (index is null)
        {
            writer.WriteLine("ConsistentRead = true,");
        }

        writer.CloseBlock("};");
        if (index is not null)
        {
            writer.WriteLine("// An index can hold several entity types; keep only this one's items.");
            writer.WriteLine($"{request}.FilterExpression = \"begins_with(#entitySortKey, :entityPrefix)\";");
            writer.WriteLine($"{names}[\"#entitySortKey\"] = SortKeyAttribute;");
            writer.WriteLine($"{values}[\":entityPrefix\"] = {Names.Writer}.FromString(EntityPrefix);");
        }

        writer.WriteLine($"var {response} = {Code.Await(Code.Call($"{scope}.DynamoDb.QueryAsync", request, ct))};");
        writer.WriteLine($"var {items} = new global::System.Collections.Generic.List<{entity.TypeName}>({response}.Items?.Count ?? 0);");
        writer.WriteLine($"foreach (var {item} in {response}.Items ?? new global::System.Collections.Generic.List<{Names.Item}>())");
        writer.OpenBlock();
        if (index is not null)
        {
            var indexKey = locals["indexKey"];
            var denied = Code.Call(
                "new global::Tenancy.Isolation.TenantAccessDeniedException",
                "global::Tenancy.Isolation.TenantAccessDeniedReason.CredentialMismatch",
                Identifier.Literal("An index query returned an item outside its partition; it was discarded."));
            writer.WriteLine($"if (!{item}.TryGetValue({partitionAttribute}, out var {indexKey}) || {indexKey}.S != {partitionKey})");
            writer.OpenBlock();
            writer.WriteLine($"throw {denied};");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine($"{items}.Add({Code.Await(Code.Call("ReadItemAsync", scope, item, ct))});");
        writer.CloseBlock();
        writer.WriteLine();
        var token = Code.Call($"{Names.Runtime}.ContinuationTokenCodec.Encode", binding, $"{response}.LastEvaluatedKey");
        writer.WriteLine($"return {Code.Call($"new global::Tenancy.Isolation.Repositories.Page<{entity.TypeName}>", items, token)};");
    }

    private static void EmitBatchGet(SourceWriter writer, RepositorySpec repository, MethodSpec method, Locals locals)
    {
        var entity = repository.Entity;
        var scope = Scope(method);
        var ct = CancellationExpression(method);
        var keysParameter = Identifier.Escape(method.Find(ParameterRole.Keys)!.Name);
        var (keys, keyValue, found, results, item) = (locals["keys"], locals["keyValue"], locals["found"], locals["results"], locals["item"]);
        string ValueOf(KeyPart part) => keyValue;
        writer.WriteLine($"var {keys} = new global::System.Collections.Generic.List<{Names.Item}>();");
        writer.WriteLine($"foreach (var {keyValue} in {keysParameter})");
        writer.OpenBlock();
        writer.WriteLine($"{keys}.Add(KeyOf({PartitionKey(entity.PartitionKey, scope, ValueOf)}, {Render(entity.SortKey, ValueOf)}));");
        writer.CloseBlock();
        writer.WriteLine();
        var batchGet = Code.Call(
            $"{Names.Runtime}.BatchGetRunner.GetAsync",
            $"{scope}.DynamoDb",
            $"{scope}.Placement.TableName",
            keys,
            "PartitionKeyAttribute",
            "SortKeyAttribute",
            ct);
        writer.WriteLine($"var {found} = {Code.Await(batchGet)};");
        writer.WriteLine($"var {results} = new global::System.Collections.Generic.List<{entity.TypeName}>({found}.Count);");
        writer.WriteLine($"foreach (var {item} in {found})");
        writer.OpenBlock();
        writer.WriteLine($"{results}.Add({Code.Await(Code.Call("ReadItemAsync", scope, item, ct))});");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"return {results};");
    }

    private static void EmitHelpers(SourceWriter writer, RepositorySpec repository)
    {
        var entity = repository.Entity;
        writer.WriteLine();
        writer.WriteLine($"private static {Names.Item} KeyOf(string partitionKey, string sortKey) => new(2)");
        writer.OpenBlock();
        writer.WriteLine($"[PartitionKeyAttribute] = {Names.Writer}.FromString(partitionKey),");
        writer.WriteLine($"[SortKeyAttribute] = {Names.Writer}.FromString(sortKey),");
        writer.CloseBlock("};");

        writer.WriteLine();
        writer.WriteLine("/// <summary>Writes the table, tenant shard and index keys of <paramref name=\"entity\"/>, all under the scope's tenant.</summary>");
        writer.WriteLine(Code.Method(
            "private static",
            "(string PartitionKey, string SortKey)",
            "AddKeys",
            $"{Names.TenantScope} scope",
            $"{entity.TypeName} entity",
            $"{Names.Item} item"));
        writer.OpenBlock();
        static string EntityValue(KeyPart part) => "entity." + Identifier.Escape(part.PropertyName!);
        writer.WriteLine($"var partitionKey = {PartitionKey(entity.PartitionKey, "scope", EntityValue)};");
        writer.WriteLine($"var sortKey = {Render(entity.SortKey, EntityValue)};");
        writer.WriteLine($"item[PartitionKeyAttribute] = {Names.Writer}.FromString(partitionKey);");
        writer.WriteLine($"item[SortKeyAttribute] = {Names.Writer}.FromString(sortKey);");
        writer.WriteLine("// Lists the tenant's items for offboarding without a scan; derived from the keys, so it never moves.");
        writer.WriteLine($"item[{Names.TenantShards}.AttributeName] = {Names.Writer}.FromString({Names.TenantShards}.Of(scope, partitionKey, sortKey));");
        foreach (var index in entity.Indexes)
        {
            var indexPartitionKey = PartitionKey(index.PartitionKey, "scope", EntityValue);
            writer.WriteLine($"item[{Identifier.Literal(index.PartitionKeyAttribute)}] = {Names.Writer}.FromString({indexPartitionKey});");
            if (index.SortKey is not null)
            {
                writer.WriteLine($"item[{Identifier.Literal(index.SortKeyAttribute)}] = {Names.Writer}.FromString({Render(index.SortKey, EntityValue)});");
            }
        }

        writer.WriteLine("return (partitionKey, sortKey);");
        writer.CloseBlock();

        var encrypted = entity.EncryptedAttributes;
        writer.WriteLine();
        writer.WriteLine("/// <summary>Checks the item is the scope's tenant's, decrypts its encrypted attributes and maps it.</summary>");
        var readItemParameters = new[] { $"{Names.TenantScope} scope", $"{Names.Item} item", $"{Names.CancellationToken} cancellationToken" };
        var readItemResult = $"global::System.Threading.Tasks.ValueTask<{entity.TypeName}>";
        if (encrypted.Count == 0)
        {
            writer.WriteLine(Code.Method("private static", readItemResult, "ReadItemAsync", readItemParameters));
            writer.OpenBlock();
            writer.WriteLine($"{Names.Runtime}.ItemOwnership.Ensure(scope, item, PartitionKeyAttribute);");
            writer.WriteLine($"return new global::System.Threading.Tasks.ValueTask<{entity.TypeName}>(ItemMapper.FromItem(item));");
            writer.CloseBlock();
            return;
        }

        writer.WriteLine(Code.Method("private static async", readItemResult, "ReadItemAsync", readItemParameters));
        writer.OpenBlock();
        writer.WriteLine($"{Names.Runtime}.ItemOwnership.Ensure(scope, item, PartitionKeyAttribute);");
        foreach (var (local, attribute) in new[] { ("partitionKey", "PartitionKeyAttribute"), ("sortKey", "SortKeyAttribute") })
        {
            writer.WriteLine($"var {local} = {Names.Reader}.ToString({Names.Reader}.Required(item, {attribute}), {attribute});");
        }

        foreach (var name in encrypted)
        {
            writer.WriteLine($"{EncryptedAttributeCall("DecryptAsync", name)};");
        }

        writer.WriteLine("return ItemMapper.FromItem(item);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Replaces the plaintext of every encrypted attribute with its ciphertext bound to the item's keys.</summary>");
        writer.WriteLine(Code.Method(
            "private static async",
            "global::System.Threading.Tasks.ValueTask",
            "EncryptAsync",
            $"{Names.TenantScope} scope",
            $"{Names.Item} item",
            "string partitionKey",
            "string sortKey",
            $"{Names.CancellationToken} cancellationToken"));
        writer.OpenBlock();
        foreach (var name in encrypted)
        {
            writer.WriteLine($"{EncryptedAttributeCall("EncryptAsync", name)};");
        }

        writer.CloseBlock();
    }

    internal static string PartitionKey(KeyTemplate? template, string scope, Func<KeyPart, string> valueOf, string enumFormat = "ItemMapper.Format") =>
        template is null || template.IsEmpty
            ? $"{Names.TenantKeys}.Partition({scope})"
            : $"{Names.TenantKeys}.Partition({scope}, {Render(template, valueOf, enumFormat)})";

    /// <summary>The template as a string expression; every placeholder value passes through KeySegment validation.</summary>
    internal static string Render(KeyTemplate template, Func<KeyPart, string> valueOf, string enumFormat = "ItemMapper.Format")
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
            var segment = part.ValueKind == ValueKind.Enum ? $"{enumFormat}{part.EnumSuffix}({value})" : value;
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

    private static string EncryptedAttributeCall(string method, string attribute) =>
        Code.Await(Code.Call($"{Names.Runtime}.EncryptedAttributes.{method}", "scope", "item", Identifier.Literal(attribute), "partitionKey", "sortKey", "cancellationToken"));

    private static string CancellationExpression(MethodSpec method) =>
        method.Find(ParameterRole.CancellationToken)?.Name is { } name ? Identifier.Escape(name) : "global::System.Threading.CancellationToken.None";
}
