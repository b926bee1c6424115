using BenchmarkDotNet.Running;
using Tenancy.Benchmarks.Lambda;

namespace Tenancy.Benchmarks;

/// <summary>
/// Every benchmark in this assembly is reachable from the switcher:
/// <c>dotnet run -c Release --project tests/Tenancy.Benchmarks -- --filter '*'</c>.
/// The published Lambda bootstrap measurements (init time, RSS, size) are a separate harness:
/// <c>dotnet run -c Release --project tests/Tenancy.Benchmarks -- lambda-bootstrap</c>; the tenant API's cold starts
/// against the bare loop: <c>-- lambda-coldstart &lt;api bootstrap&gt; &lt;bare bootstrap&gt;</c>.
/// A named class (not top-level statements) so it cannot clash with the referenced Tenancy.Local's Program.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "lambda-bootstrap")
        {
            return await BootstrapMeasurements.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "lambda-coldstart")
        {
            return await ColdStartHarness.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
