namespace Tenancy.Isolation.Repositories;

/// <summary>Makes a <c>Query…</c> repository method query the named <see cref="TenantIndexAttribute"/> index.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class QueryIndexAttribute : Attribute
{
    public QueryIndexAttribute(string indexName)
    {
        IndexName = indexName;
    }

    public string IndexName { get; }
}
