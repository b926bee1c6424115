using BenchmarkDotNet.Running;

// Every benchmark in this assembly is reachable from the switcher:
//   dotnet run -c Release --project tests/Tenancy.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
