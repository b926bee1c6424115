namespace Tenancy.Api.Tests.OpenApi;

/// <summary>
/// The drift test builds src/Tenancy.Api; it runs after the parallel collections so it never restores or builds that
/// project while the API fixture publishes it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenApiBuildCollection
{
    public const string Name = "OpenAPI document build";
}
