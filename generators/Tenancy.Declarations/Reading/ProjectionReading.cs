using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;

namespace Tenancy.Declarations.Reading;

/// <summary>A <c>[TenantProjection]</c> as read: the spec only when neither it nor its entity has a problem; its own problems.</summary>
internal sealed record ProjectionReading(ProjectionSpec? Spec, EquatableArray<DeclarationProblem> Problems);
