using Tenancy.Isolation;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Api.Orders;

/// <summary>Orders of the scope's tenant; implemented by the Tenancy repository generator.</summary>
[TenantRepository(typeof(Order))]
public partial interface IOrderRepository
{
    Task<Order?> GetAsync(TenantScope scope, string id, CancellationToken cancellationToken);

    Task<Order> CreateAsync(TenantScope scope, Order order, CancellationToken cancellationToken);

    Task<Order> UpdateAsync(TenantScope scope, Order order, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(TenantScope scope, string id, CancellationToken cancellationToken);

    Task<Page<Order>> QueryAsync(TenantScope scope, PageRequest page, CancellationToken cancellationToken);
}
