using BenchmarkDotNet.Running;

namespace Tenancy.Benchmarks;

/// <summary>
/// Every benchmark in this assembly is reachable from the switcher:
/// <c>dotnet run -c Release --project tests/Tenancy.Benchmarks -- --filter '*'</c>.
/// A named class (not top-level statements) so it cannot clash with the referenced Tenancy.Local's Program.
/// </summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
