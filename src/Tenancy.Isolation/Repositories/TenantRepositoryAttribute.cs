namespace Tenancy.Isolation.Repositories;

/// <summary>
/// Marks a <c>partial interface</c> whose methods the Tenancy generator implements for <see cref="EntityType"/>
/// (which must carry <see cref="TenantEntityAttribute"/>). The generated class is <c>&lt;Name without I&gt;</c>,
/// e.g. <c>IOrderRepository</c> → <c>OrderRepository</c> (<c>&lt;Name&gt;Implementation</c> when the name does not
/// start with <c>I</c>), a <c>sealed partial</c> class in the interface's namespace with the interface's
/// accessibility and a parameterless constructor; its nested <c>ItemMapper</c> converts the entity to and from items.
/// <para>
/// Every method returns a <see cref="Task{TResult}"/>, takes a <see cref="TenantScope"/> as its first parameter and
/// may take a trailing <see cref="CancellationToken"/>. The operation is chosen by the method name's prefix
/// (<c>BatchGet</c> before <c>Get</c>); parameters named like the key template placeholders (case-insensitive, of the
/// property's type) supply key values, in any order. A method that fits no convention makes the whole interface
/// invalid: nothing is generated and the analyzers report it. Details: <c>docs/repositories.md</c>.
/// </para>
/// <list type="table">
/// <item><term><c>Get…</c></term><description><c>Task&lt;T?&gt; GetAsync(TenantScope, key values…)</c> – GetItem.</description></item>
/// <item><term><c>Create…</c></term><description><c>Task&lt;T&gt; CreateAsync(TenantScope, T)</c> – put only if absent, else <see cref="ItemAlreadyExistsException"/>; a version property starts at 1.</description></item>
/// <item><term><c>Upsert…</c></term><description><c>Task&lt;T&gt; UpsertAsync(TenantScope, T)</c> – unconditional put.</description></item>
/// <item><term><c>Update…</c></term><description><c>Task&lt;T&gt; UpdateAsync(TenantScope, T)</c> – put only if the item exists (else <see cref="ItemNotFoundException"/>) and, when the entity has a <see cref="ConcurrencyVersionAttribute"/> property, only if the stored version equals the entity's, which is incremented (else <see cref="ConcurrencyConflictException"/>).</description></item>
/// <item><term><c>Delete…</c></term><description><c>Task&lt;bool&gt; DeleteAsync(TenantScope, key values…)</c> – true when an item was deleted.</description></item>
/// <item><term><c>Query…</c></term><description><c>Task&lt;Page&lt;T&gt;&gt; QueryAsync(TenantScope, partition key values…, [SortKeyCondition?], PageRequest)</c> – items of the entity in one partition (key values = the partition key template's placeholders; none when the entity has no partition template), the entity's literal sort key prefix always applied; with <see cref="QueryIndexAttribute"/> on a tenant index (key values = the index's partition placeholders, the condition on the index sort key, results filtered to this entity).</description></item>
/// <item><term><c>BatchGet…</c></term><description><c>Task&lt;IReadOnlyList&lt;T&gt;&gt; BatchGetAsync(TenantScope, IEnumerable&lt;TKey&gt;)</c> – where the entity's whole key (partition and sort templates) has one placeholder of type TKey; found items in key order, duplicates once, missing keys omitted.</description></item>
/// </list>
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class TenantRepositoryAttribute : Attribute
{
    /// <summary>Asks the generator to implement the interface as a repository of <paramref name="entityType"/>.</summary>
    public TenantRepositoryAttribute(Type entityType)
    {
        EntityType = entityType;
    }

    /// <summary>The <c>[TenantEntity]</c> type the repository stores.</summary>
    public Type EntityType { get; }
}
