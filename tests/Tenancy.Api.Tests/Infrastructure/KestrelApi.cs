using Tenancy.Local.Run.Api;

namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>The API as its own Kestrel process on loopback, with no gateway in front (the debugging mode).</summary>
public sealed class KestrelApi(LocalApiProcess process) : IApiUnderTest
{
    public Uri BaseAddress => process.BaseAddress;

    public IReadOnlyList<string> OutputLines => process.OutputLines;

    public static async Task<KestrelApi> StartAsync(LocalApiLaunch launch, IReadOnlyDictionary<string, string> environment) =>
        new(await LocalApiProcess.StartAsync(launch, environment));

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
