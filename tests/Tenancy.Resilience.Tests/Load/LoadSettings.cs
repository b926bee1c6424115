using System.Globalization;

namespace Tenancy.Resilience.Tests.Load;

/// <summary>
/// The shape of a load run: how many tenants (every <see cref="SiloEvery"/>th one siloed in its own table, the rest
/// pooled), for how long, with how many concurrent clients. The short form runs in the test suite; the long form
/// (soak) takes its figures from <c>TENANCY_LOAD_TENANTS</c>, <c>TENANCY_LOAD_SECONDS</c>, <c>TENANCY_LOAD_WORKERS</c>.
/// </summary>
public sealed record LoadSettings(int Tenants, int SiloEvery, TimeSpan Duration, int Workers, TimeSpan SampleEvery)
{
    public static LoadSettings FromEnvironment(int tenants, TimeSpan duration, int workers) => new(
        Number("TENANCY_LOAD_TENANTS") ?? tenants,
        SiloEvery: 5,
        TimeSpan.FromSeconds(Number("TENANCY_LOAD_SECONDS") ?? duration.TotalSeconds),
        Number("TENANCY_LOAD_WORKERS") ?? workers,
        TimeSpan.FromSeconds(Number("TENANCY_LOAD_SAMPLE_SECONDS") ?? 5));

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
