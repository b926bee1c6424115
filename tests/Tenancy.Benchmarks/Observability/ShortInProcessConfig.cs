using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Tenancy.Benchmarks.Observability;

/// <summary>
/// A short job run in-process: on the shared build machine generating and building a separate benchmark project
/// exceeds BenchmarkDotNet's build timeout, and the numbers are noisy anyway.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
