using BenchmarkDotNet.Running;
using Tenancy.Benchmarks.Lambda;

// Every benchmark in this assembly is reachable from the switcher:
//   dotnet run -c Release --project tests/Tenancy.Benchmarks -- --filter '*'
// The published-bootstrap measurements (init time, RSS, size) are a separate harness:
//   dotnet run -c Release --project tests/Tenancy.Benchmarks -- lambda-bootstrap
if (args.Length > 0 && args[0] == "lambda-bootstrap")
{
    return await BootstrapMeasurements.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(BootstrapMeasurements).Assembly).Run(args);
return 0;
