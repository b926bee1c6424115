using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Tenancy.Analyzers.Rules;

/// <summary>
/// TNT007: any attempt to suppress a TNT diagnostic or lower its severity — <c>#pragma warning disable TNT…</c>,
/// <c>[SuppressMessage]</c>/<c>[UnconditionalSuppressMessage]</c> naming a TNT id or the Tenancy.Isolation category,
/// <c>NoWarn</c>/<c>/nowarn</c>/ruleset/<c>WarningsNotAsErrors</c>-style entries in the compilation options, and
/// .editorconfig/.globalconfig <c>dotnet_diagnostic.TNT….severity</c> or
/// <c>dotnet_analyzer_diagnostic.category-Tenancy.Isolation.severity</c> set to anything but <c>error</c>.
/// The TNT descriptors are NotConfigurable, so none of these actually silences them; TNT007 makes the attempt visible.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SuppressionAttemptAnalyzer : DiagnosticAnalyzer
{
    private const string IdPrefix = "TNT";
    private const string CategoryKey = "dotnet_analyzer_diagnostic.category-" + TenancyDiagnostics.Category + ".severity";

    /// <summary>The ids whose per-file severity is checked; keep in step with AnalyzerReleases.</summary>
    private static readonly string[] KnownIds = { "TNT001", "TNT002", "TNT003", "TNT004", "TNT005", "TNT006", "TNT007", "TNT008" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        TenancyDiagnostics.SuppressionAttempt,
        TenancyDiagnostics.SuppressionAttemptInOptions);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzePragmas);
        context.RegisterCompilationStartAction(start =>
        {
            var provider = start.Compilation.Options.SyntaxTreeOptionsProvider;
            start.RegisterSyntaxTreeAction(tree => AnalyzeFileConfiguration(tree, provider));
        });
        context.RegisterOperationAction(AnalyzeAttribute, OperationKind.Attribute);
        context.RegisterCompilationAction(AnalyzeCompilationOptions);
    }

    private static void AnalyzePragmas(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        if (!root.ContainsDirectives)
        {
            return;
        }

        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: false))
        {
            if (!trivia.IsKind(SyntaxKind.PragmaWarningDirectiveTrivia) || trivia.GetStructure() is not PragmaWarningDirectiveTriviaSyntax pragma || !pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
            {
                continue;
            }

            foreach (var code in pragma.ErrorCodes)
            {
                var id = code.ToString().Trim();
                if (IsTenancyId(id))
                {
                    Report(context.ReportDiagnostic, code.GetLocation(), $"'#pragma warning disable {id}' tries to suppress a tenant-isolation diagnostic; fix the code instead");
                }
            }
        }
    }

    private static void AnalyzeFileConfiguration(SyntaxTreeAnalysisContext context, SyntaxTreeOptionsProvider? provider)
    {
        var location = Location.Create(context.Tree, default);
        var treeOptions = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Tree);
        var globalOptions = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        foreach (var key in treeOptions.Keys)
        {
            // Values inherited from a global config are reported once, by AnalyzeCompilationOptions.
            if (IsSeverityKey(key) && treeOptions.TryGetValue(key, out var value) && !IsError(value)
                && !(globalOptions.TryGetValue(key, out var globalValue) && globalValue == value))
            {
                Report(context.ReportDiagnostic, location, $"An .editorconfig sets '{key} = {value}' for this file; tenant-isolation diagnostics cannot be configured");
            }
        }

        if (provider is null)
        {
            return;
        }

        foreach (var id in KnownIds)
        {
            if (provider.TryGetDiagnosticValue(context.Tree, id, context.CancellationToken, out var severity) && severity is not (ReportDiagnostic.Error or ReportDiagnostic.Default))
            {
                Report(context.ReportDiagnostic, location, $"An .editorconfig sets 'dotnet_diagnostic.{id}.severity' to '{severity}' for this file; tenant-isolation diagnostics cannot be configured");
            }
        }
    }

    private static void AnalyzeAttribute(OperationAnalysisContext context)
    {
        if (context.Operation is not IAttributeOperation { Operation: IObjectCreationOperation creation }
            || creation.Type is not { Name: "SuppressMessageAttribute" or "UnconditionalSuppressMessageAttribute" } type
            || type.ContainingNamespace?.ToDisplayString() != "System.Diagnostics.CodeAnalysis"
            || creation.Arguments.Length < 2)
        {
            return;
        }

        var category = creation.Arguments[0].Value.ConstantValue.Value as string;
        var checkId = creation.Arguments[1].Value.ConstantValue.Value as string;
        if (IsTenancyId(checkId) || string.Equals(category?.Trim(), TenancyDiagnostics.Category, StringComparison.OrdinalIgnoreCase))
        {
            Report(context.ReportDiagnostic, context.Operation.Syntax.GetLocation(), $"[{type.Name.Replace("Attribute", string.Empty)}(\"{category}\", \"{checkId}\")] tries to suppress a tenant-isolation diagnostic; fix the code instead");
        }
    }

    private static void AnalyzeCompilationOptions(CompilationAnalysisContext context)
    {
        var options = context.Compilation.Options;
        foreach (var entry in options.SpecificDiagnosticOptions)
        {
            if (IsTenancyId(entry.Key) && entry.Value is not (ReportDiagnostic.Error or ReportDiagnostic.Default))
            {
                ReportOptions(context, $"The compilation options set {entry.Key} to '{entry.Value}' (NoWarn, /nowarn, a ruleset or WarningsNotAsErrors); tenant-isolation diagnostics cannot be configured");
            }
        }

        var global = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        foreach (var key in global.Keys)
        {
            if (IsSeverityKey(key) && global.TryGetValue(key, out var value) && !IsError(value))
            {
                ReportOptions(context, $"A global analyzer config sets '{key} = {value}'; tenant-isolation diagnostics cannot be configured");
            }
        }

        if (options.SyntaxTreeOptionsProvider is { } provider)
        {
            foreach (var id in KnownIds)
            {
                if (provider.TryGetGlobalDiagnosticValue(id, context.CancellationToken, out var severity) && severity is not (ReportDiagnostic.Error or ReportDiagnostic.Default))
                {
                    ReportOptions(context, $"A global analyzer config sets 'dotnet_diagnostic.{id}.severity' to '{severity}'; tenant-isolation diagnostics cannot be configured");
                }
            }
        }
    }

    private static bool IsSeverityKey(string key) =>
        string.Equals(key, CategoryKey, StringComparison.OrdinalIgnoreCase)
        || (key.StartsWith("dotnet_diagnostic." + IdPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(".severity", StringComparison.OrdinalIgnoreCase));

    private static bool IsError(string value) => string.Equals(value.Trim(), "error", StringComparison.OrdinalIgnoreCase);

    private static bool IsTenancyId(string? id) => id is not null && id.Trim().StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase);

    private static void Report(Action<Diagnostic> report, Location location, string message) =>
        report(Diagnostic.Create(TenancyDiagnostics.SuppressionAttempt, location, message));

    private static void ReportOptions(CompilationAnalysisContext context, string message) =>
        context.ReportDiagnostic(Diagnostic.Create(TenancyDiagnostics.SuppressionAttemptInOptions, Location.None, message));
}
