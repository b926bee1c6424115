namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// Compares what the repositories declare with the table template.yaml deploys. The generator writes the declared key
/// attributes as strings on every put and queries the declared index by name, so each of them must exist in the table
/// with the same attribute names; otherwise the application fails at run time (an unknown index) or, worse, silently
/// (an index whose RANGE attribute the generator never writes indexes no item).
/// </summary>
public static class TenantIndexTemplateCheck
{
    /// <summary>One line per mismatch (and per declaration the reader could not understand); empty when all match.</summary>
    public static IReadOnlyList<string> Problems(DeclaredRepositories declared, TableDefinition table)
    {
        var problems = new List<string>(declared.Problems);
        foreach (var repository in declared.Repositories)
        {
            void Report(string message)
            {
                problems.Add($"{repository.Location}: {repository.Repository} (entity {repository.Entity}): {message}");
            }

            var tableKeys = new TableKeySchema(repository.PartitionKeyAttribute, repository.SortKeyAttribute);
            if (tableKeys != table.KeySchema)
            {
                Report($"[TenantEntity] uses key attributes ({tableKeys}) but {table.LogicalId} in template.yaml has ({table.KeySchema}).");
            }

            foreach (var index in repository.Indexes)
            {
                if (!table.GlobalSecondaryIndexes.TryGetValue(index.Name, out var indexKeys))
                {
                    var existing = table.GlobalSecondaryIndexes.Count == 0 ? "none" : string.Join(", ", table.GlobalSecondaryIndexes.Keys.Order(StringComparer.Ordinal));
                    Report($"[TenantIndex(\"{index.Name}\")] has no GlobalSecondaryIndex '{index.Name}' in {table.LogicalId} of template.yaml (it has: {existing}).");
                    continue;
                }

                var declaredKeys = new TableKeySchema(index.PartitionKeyAttribute, index.SortKeyAttribute);
                if (declaredKeys != indexKeys)
                {
                    Report($"[TenantIndex(\"{index.Name}\")] writes ({declaredKeys}) but the GlobalSecondaryIndex '{index.Name}' of {table.LogicalId} has ({indexKeys}).");
                }
            }

            var keyAttributes = repository.Indexes
                .SelectMany(i => new[] { i.PartitionKeyAttribute, i.SortKeyAttribute })
                .Prepend(repository.SortKeyAttribute)
                .Prepend(repository.PartitionKeyAttribute)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal);
            foreach (var attribute in keyAttributes)
            {
                if (table.AttributeTypes.TryGetValue(attribute, out var type) && type != "S")
                {
                    Report($"key attribute '{attribute}' is written as a string (S) but {table.LogicalId} defines it as {type}.");
                }
            }
        }

        return problems;
    }
}
