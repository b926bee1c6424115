using Tenancy.Isolation;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Testing.Samples;

[TenantRepository(typeof(Memo))]
public partial interface IMemoRepository
{
    Task<Memo?> GetAsync(TenantScope scope, Guid id, CancellationToken cancellationToken = default);

    Task<Memo> UpsertAsync(TenantScope scope, Memo memo, CancellationToken cancellationToken = default);

    Task<Memo> CreateAsync(TenantScope scope, Memo memo, CancellationToken cancellationToken = default);

    Task<Memo> UpdateAsync(TenantScope scope, Memo memo, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(TenantScope scope, Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Memo>> BatchGetAsync(TenantScope scope, IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    Task<Page<Memo>> QueryAllAsync(TenantScope scope, SortKeyCondition? condition, PageRequest page, CancellationToken cancellationToken = default);
}
