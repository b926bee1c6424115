using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;

namespace Tenancy.Analyzers;

/// <summary>Turns the declaration reader's problems into TNT diagnostics.</summary>
internal static class DeclarationProblemReporter
{
    public static void Report(EquatableArray<DeclarationProblem> problems, Compilation compilation, System.Action<Diagnostic> report)
    {
        foreach (var problem in problems)
        {
            var properties = problem.FixKey is { } key
                ? ImmutableDictionary<string, string?>.Empty.Add(key, problem.FixValue)
                : ImmutableDictionary<string, string?>.Empty;
            var location = problem.Location?.ToLocation(compilation) ?? Location.None;
            var arguments = new object[problem.MessageArguments.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = problem.MessageArguments[i];
            }

            report(Diagnostic.Create(Descriptor(problem.DiagnosticId), location, properties, arguments));
        }
    }

    private static DiagnosticDescriptor Descriptor(string id) => id switch
    {
        DiagnosticIds.MissingTenantScope => TenancyDiagnostics.MissingTenantScope,
        DiagnosticIds.IndexNotTenantPrefixed => TenancyDiagnostics.IndexNotTenantPrefixed,
        DiagnosticIds.TemplatePlacesTenant => TenancyDiagnostics.TemplatePlacesTenant,
        DiagnosticIds.ProjectionNamesSensitiveOrUnknown => TenancyDiagnostics.ProjectionNamesSensitiveOrUnknown,
        _ => TenancyDiagnostics.InvalidDeclaration,
    };
}
