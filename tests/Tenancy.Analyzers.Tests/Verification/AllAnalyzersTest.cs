using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Tenancy.Analyzers.Rules;

namespace Tenancy.Analyzers.Tests.Verification;

/// <summary>Runs every TNT analyzer together, as a build does (needed where rules interact, e.g. suppression).</summary>
internal sealed class AllAnalyzersTest : CSharpAnalyzerTest<SuppressionAttemptAnalyzer, DefaultVerifier>
{
    public AllAnalyzersTest(string source)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);

        // The framework's own check inserts '#pragma warning disable TNT…' and expects silence; TNT007 reports that pragma.
        TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
    [
        new RepositoryDeclarationAnalyzer(),
        new TenantEntityAnalyzer(),
        new RawDataStoreClientAnalyzer(),
        new ScanAndPartiQLAnalyzer(),
        new SuppressionAttemptAnalyzer(),
    ];
}
