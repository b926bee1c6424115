using Tenancy.Isolation;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Testing.Samples;

[TenantRepository(typeof(TypeSample))]
public partial interface ITypeSampleRepository
{
    Task<TypeSample?> GetAsync(TenantScope scope, string id, CancellationToken cancellationToken = default);

    Task<TypeSample> UpsertAsync(TenantScope scope, TypeSample sample, CancellationToken cancellationToken = default);
}
