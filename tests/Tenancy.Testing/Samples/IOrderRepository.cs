using Tenancy.Isolation;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Testing.Samples;

[TenantRepository(typeof(Order))]
public partial interface IOrderRepository
{
    Task<Order?> GetAsync(TenantScope scope, string customerId, string id, CancellationToken cancellationToken = default);

    Task<Order> CreateAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);

    Task<Order> UpsertAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);

    Task<Order> UpdateAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(TenantScope scope, string customerId, string id, CancellationToken cancellationToken = default);

    Task<Page<Order>> QueryByCustomerAsync(TenantScope scope, string customerId, SortKeyCondition? condition, PageRequest page, CancellationToken cancellationToken = default);

    [QueryIndex("GSI1")]
    Task<Page<Order>> QueryByStatusAsync(TenantScope scope, OrderStatus status, SortKeyCondition? createdAt, PageRequest page, CancellationToken cancellationToken = default);
}
