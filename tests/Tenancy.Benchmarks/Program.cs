using BenchmarkDotNet.Running;

// Every benchmark in this assembly is reachable from the switcher:
//   dotnet run -c Release --project tests/Tenancy.Benchmarks -- --filter '*'
// (By assembly, not typeof(Program): Tenancy.Local, referenced for the local cloud, has a Program type too.)
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
