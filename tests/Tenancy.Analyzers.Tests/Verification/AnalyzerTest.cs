using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Tenancy.Analyzers.Tests.Verification;

/// <summary>An analyzer test compiled against .NET 10, the AWS SDK and Tenancy.Isolation.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(string source)
        : this()
    {
        TestCode = source;
    }

    /// <summary>For tests that add named sources to <c>TestState.Sources</c> themselves.</summary>
    public AnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
    }

    public static Task VerifyAsync(string source) => new AnalyzerTest<TAnalyzer>(source).RunAsync();
}
