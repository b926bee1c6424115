using BenchmarkDotNet.Running;

// Every benchmark in this assembly is reachable from the switcher:
//   dotnet run -c Release --project tests/Tenancy.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
