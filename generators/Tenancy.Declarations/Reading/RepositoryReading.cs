using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// A <c>[TenantRepository]</c> as read: the spec only when neither the repository nor its entity has a problem;
/// the repository's own problems (the entity's are reported on the entity, so they are only counted here).
/// </summary>
internal sealed record RepositoryReading(RepositorySpec? Spec, EquatableArray<DeclarationProblem> Problems, int EntityProblemCount);
