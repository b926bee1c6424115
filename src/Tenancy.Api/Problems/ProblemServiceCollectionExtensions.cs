using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tenancy.Api.Problems;

/// <summary>Registers the problem-details pipeline and lets each module add the mapping for the exceptions it owns.</summary>
public static class ProblemServiceCollectionExtensions
{
    /// <summary>The feature-agnostic mapper; modules add their <see cref="IExceptionProblemMapping"/>s beside it.</summary>
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(static provider => new ExceptionProblemMapper(provider.GetServices<IExceptionProblemMapping>()));
        return services;
    }

    /// <summary>
    /// Adds a mapping once, however many modules ask for it. A factory, not a type, so the container builds it
    /// without reflection, and only when the first failure needs it.
    /// </summary>
    public static IServiceCollection AddExceptionProblemMapping<TMapping>(this IServiceCollection services, Func<IServiceProvider, TMapping> factory)
        where TMapping : class, IExceptionProblemMapping
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionProblemMapping, TMapping>(factory));
        return services;
    }

    /// <summary>Outermost error handling: every failure after this point leaves as problem details.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) => app.UseMiddleware<ProblemDetailsMiddleware>();
}
