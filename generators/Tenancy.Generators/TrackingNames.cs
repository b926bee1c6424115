namespace Tenancy.Generators;

/// <summary>Names of the generator's pipeline steps, for incrementality tests.</summary>
internal static class TrackingNames
{
    public const string Repositories = "TenancyRepositories";
    public const string ValidRepositories = "TenancyValidRepositories";
    public const string Sources = "TenancyRepositorySources";
    public const string Projections = "TenancyProjections";
    public const string ValidProjections = "TenancyValidProjections";
    public const string ProjectionSources = "TenancyProjectionSources";
}
