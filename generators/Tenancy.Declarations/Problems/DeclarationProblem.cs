using Tenancy.Declarations.Model;

namespace Tenancy.Declarations.Problems;

/// <summary>
/// One reason a declaration cannot be implemented: the TNT rule, where, the message arguments, and optionally one
/// property a code fix reads. Values only, so a reading that carries problems stays equatable.
/// </summary>
internal sealed record DeclarationProblem(
    string DiagnosticId,
    LocationInfo? Location,
    EquatableArray<string> MessageArguments,
    string? FixKey = null,
    string? FixValue = null);
