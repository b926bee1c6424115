using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;

namespace Tenancy.Declarations.Reading;

/// <summary>A <c>[TenantEntity]</c> as read: the spec when it is valid, else null, and its problems.</summary>
internal sealed record EntityReading(EntitySpec? Spec, EquatableArray<DeclarationProblem> Problems);
