using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Tenancy.Declarations.Model;

namespace Tenancy.Declarations.Problems;

/// <summary>Collects problems, each (rule, location, message) once even when several checks reach the same conclusion.</summary>
internal sealed class ProblemList
{
    private readonly List<DeclarationProblem> _problems = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public int Count => _problems.Count;

    public void Invalid(Location location, string message) => Add(DiagnosticIds.InvalidDeclaration, location, message);

    public void Add(string diagnosticId, Location location, string message, string? fixKey = null, string? fixValue = null)
    {
        var where = LocationInfo.From(location);
        if (_seen.Add(diagnosticId + "|" + where?.FilePath + "|" + where?.Span + "|" + message))
        {
            _problems.Add(new DeclarationProblem(diagnosticId, where, new[] { message }.ToEquatableArray(), fixKey, fixValue));
        }
    }

    public EquatableArray<DeclarationProblem> ToEquatableArray() => _problems.ToEquatableArray();
}
