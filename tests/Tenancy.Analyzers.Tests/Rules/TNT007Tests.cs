using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Tenancy.Analyzers.Rules;
using Tenancy.Analyzers.Tests.Verification;

namespace Tenancy.Analyzers.Tests.Rules;

/// <summary>
/// Each attempt is reported as TNT007 AND the suppressed TNT003 is still reported unsuppressed: the descriptors are
/// NotConfigurable, which these tests verify against the real compiler pipeline of the testing framework.
/// </summary>
public sealed class TNT007Tests
{
    private const string RawUse = """
        public static class Store
        {
            public static object Client() => {|#0:new Amazon.DynamoDBv2.AmazonDynamoDBClient()|};
        }
        """;

    private static DiagnosticResult StillReported => new DiagnosticResult("TNT003", DiagnosticSeverity.Error).WithLocation(0).WithIsSuppressed(false);

    private static DiagnosticResult Attempt(int? location = null) =>
        location is { } index ? new DiagnosticResult("TNT007", DiagnosticSeverity.Error).WithLocation(index) : new DiagnosticResult("TNT007", DiagnosticSeverity.Error);

    [Theory]
    [InlineData("TNT003")]
    [InlineData("tnt003")]
    [InlineData("CS0168, TNT003")]
    public Task Pragma_disable_is_reported_and_does_not_suppress(string codes)
    {
        var source = $"#pragma warning disable {codes.Replace("TNT003", "{|#1:TNT003|}", StringComparison.Ordinal).Replace("tnt003", "{|#1:tnt003|}", StringComparison.Ordinal)}\n" + RawUse;
        var test = new AllAnalyzersTest(source);
        test.ExpectedDiagnostics.Add(StillReported);
        test.ExpectedDiagnostics.Add(Attempt(1));
        return test.RunAsync();
    }

    [Fact]
    public Task A_bare_pragma_does_not_suppress_TNT_diagnostics_either()
    {
        var test = new AllAnalyzersTest("#pragma warning disable\n" + RawUse);
        test.ExpectedDiagnostics.Add(StillReported);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("System.Diagnostics.CodeAnalysis.SuppressMessage(\"Tenancy.Isolation\", \"TNT003:Raw client\")")]
    [InlineData("System.Diagnostics.CodeAnalysis.SuppressMessage(\"Security\", \"TNT003\", Justification = \"trust me\")")]
    [InlineData("System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(\"Tenancy.Isolation\", \"Anything\")")]
    public Task SuppressMessage_on_a_member_is_reported(string attribute)
    {
        var source = $$"""
            public static class Store
            {
                [{|#1:{{attribute}}|}]
                public static object Client() => {|#0:new Amazon.DynamoDBv2.AmazonDynamoDBClient()|};
            }
            """;
        var test = new AllAnalyzersTest(source);
        if (attribute.Contains("Anything", StringComparison.Ordinal))
        {
            test.ExpectedDiagnostics.Add(StillReported);
        }

        // NotConfigurable does NOT stop [SuppressMessage] naming the id: the compiler drops TNT003 here. TNT007 reports
        // the attribute, and the build's error-log check (Tenancy.Isolation.targets) fails on any suppressed TNT result.
        test.ExpectedDiagnostics.Add(Attempt(1));
        return test.RunAsync();
    }

    /// <summary>
    /// Records a compiler fact the build relies on: global [SuppressMessage] for TNT003 and TNT007 silences both
    /// inside the compiler, NotConfigurable or not. That is why Tenancy.Isolation.targets fails the build when the
    /// compiler's error log holds any (necessarily suppressed) TNT result; ConsumerBuildTests proves that end to end.
    /// </summary>
    [Fact]
    public Task Global_SuppressMessage_for_every_id_silences_the_compiler()
    {
        var source = """
            [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Tenancy.Isolation", "TNT003")]
            [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Tenancy.Isolation", "TNT007")]
            """ + Markup.Strip(RawUse);
        return new AllAnalyzersTest(source).RunAsync();
    }

    [Fact]
    public Task Assembly_level_SuppressMessage_is_reported()
    {
        var source = "[assembly: {|#1:System.Diagnostics.CodeAnalysis.SuppressMessage(\"Tenancy.Isolation\", \"TNT003\", Scope = \"member\", Target = \"~M:Store.Client~System.Object\")|}]\n" + RawUse;
        var test = new AllAnalyzersTest(source);
        test.ExpectedDiagnostics.Add(Attempt(1));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("dotnet_diagnostic.TNT003.severity = none")]
    [InlineData("dotnet_diagnostic.TNT003.severity = warning")]
    [InlineData("dotnet_analyzer_diagnostic.category-Tenancy.Isolation.severity = silent")]
    public Task Editorconfig_severity_is_reported_and_does_not_suppress(string setting)
    {
        var test = new AllAnalyzersTest("{|#1:|}" + RawUse);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\n{setting}\n"));
        test.ExpectedDiagnostics.Add(StillReported);
        test.ExpectedDiagnostics.Add(Attempt(1));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("dotnet_diagnostic.TNT003.severity = none")]
    [InlineData("dotnet_analyzer_diagnostic.category-Tenancy.Isolation.severity = suggestion")]
    public Task Globalconfig_severity_is_reported_and_does_not_suppress(string setting)
    {
        var test = new AllAnalyzersTest(RawUse);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\n{setting}\n"));
        test.ExpectedDiagnostics.Add(StillReported);
        test.ExpectedDiagnostics.Add(Attempt());
        return test.RunAsync();
    }

    [Theory]
    [InlineData(ReportDiagnostic.Suppress)]
    [InlineData(ReportDiagnostic.Warn)]
    [InlineData(ReportDiagnostic.Hidden)]
    public Task NoWarn_or_ruleset_options_are_reported_and_do_not_suppress(ReportDiagnostic option)
    {
        var test = new AllAnalyzersTest(RawUse);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem("TNT003", option)));
        });
        test.ExpectedDiagnostics.Add(StillReported);
        test.ExpectedDiagnostics.Add(Attempt());
        return test.RunAsync();
    }

    [Fact]
    public Task A_diagnostic_suppressor_cannot_suppress_TNT_diagnostics()
    {
        var test = new SuppressorTest(RawUse);
        test.ExpectedDiagnostics.Add(StillReported);
        return test.RunAsync();
    }

    [Fact]
    public Task Unrelated_pragmas_attributes_and_settings_are_clean()
    {
        var test = new AllAnalyzersTest("""
            #pragma warning disable CS0168
            #pragma warning restore TNT003
            public static class Quiet
            {
                [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0060")]
                public static void Run(int unused) { }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CA1822.severity = none\ndotnet_diagnostic.TNT003.severity = error\n"));
        return test.RunAsync();
    }

    /// <summary>All TNT analyzers plus a suppressor that claims TNT003, as a third-party package could ship.</summary>
    private sealed class SuppressorTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<RawDataStoreClientAnalyzer, DefaultVerifier>
    {
        public SuppressorTest(string source)
        {
            TestCode = source;
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [new RawDataStoreClientAnalyzer(), new Tnt003Suppressor()];
    }

#pragma warning disable RS1001, RS1036, RS1038, RS1041 // A test double, not a shipped analyzer.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class Tnt003Suppressor : DiagnosticSuppressor
    {
        private static readonly SuppressionDescriptor Rule = new("SPR0001", "TNT003", "Claims every TNT003 is fine");

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => [Rule];

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            foreach (var diagnostic in context.ReportedDiagnostics)
            {
                context.ReportSuppression(Suppression.Create(Rule, diagnostic));
            }
        }
    }
#pragma warning restore RS1001, RS1036, RS1038, RS1041
}
