namespace Tenancy.Isolation.Repositories;

/// <summary>Makes a <c>Query…</c> repository method query the named <see cref="TenantIndexAttribute"/> index.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class QueryIndexAttribute : Attribute
{
    /// <summary>Routes the query method through the <c>[TenantIndex]</c> named <paramref name="indexName"/>.</summary>
    public QueryIndexAttribute(string indexName)
    {
        IndexName = indexName;
    }

    /// <summary>The global secondary index the query reads.</summary>
    public string IndexName { get; }
}
