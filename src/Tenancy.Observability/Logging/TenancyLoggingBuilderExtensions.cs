using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tenancy.Observability.Logging;

/// <summary>Registration of the JSON logger, in the spirit of Powertools' <c>AddPowertoolsLogger</c>.</summary>
public static class TenancyLoggingBuilderExtensions
{
    /// <summary>
    /// Adds the Powertools-compatible JSON logger. Its level comes from <c>AWS_LAMBDA_LOG_LEVEL</c>,
    /// <c>POWERTOOLS_LOG_LEVEL</c> or <see cref="TenancyLoggerOptions.MinimumLevel"/>, so the framework filter
    /// for this provider is opened fully and the provider filters itself (that is what makes Debug sampling work).
    /// The <see cref="AppendedLogKeys"/> are registered as a singleton for code that appends keys.
    /// </summary>
    public static ILoggingBuilder AddTenancyJsonLogger(this ILoggingBuilder builder, Action<TenancyLoggerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, TenancyLoggerProvider>(
            static services => new TenancyLoggerProvider(services.GetRequiredService<IOptions<TenancyLoggerOptions>>())));
        builder.Services.TryAddSingleton(static services => services.GetRequiredService<IOptions<TenancyLoggerOptions>>().Value.AppendedKeys);
        builder.AddFilter<TenancyLoggerProvider>(category: null, LogLevel.Trace);
        return builder;
    }
}
