namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>
/// The tenant API as the tests reach it: its base address and every line the API wrote (structured logs, EMF, usage
/// records), whether it runs behind the local API Gateway front or as a Kestrel process.
/// </summary>
public interface IApiUnderTest : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>The API's own output so far, in order (the function's log stream, without the authorizer's).</summary>
    IReadOnlyList<string> OutputLines { get; }
}
