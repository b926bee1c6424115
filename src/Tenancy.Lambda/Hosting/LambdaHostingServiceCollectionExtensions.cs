using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tenancy.Lambda.Hosting;
using Tenancy.Lambda.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the API Gateway server, the counterpart of <c>AddAWSLambdaHosting</c>.</summary>
public static class LambdaHostingServiceCollectionExtensions
{
    /// <summary>
    /// In Lambda (<c>AWS_LAMBDA_RUNTIME_API</c> is set) replaces Kestrel with <see cref="LambdaServer"/>, which serves
    /// <paramref name="eventSource"/> events from the Runtime API; anywhere else registers nothing, so the same app runs
    /// on Kestrel with <c>dotnet run</c>.
    /// <code>
    /// var builder = WebApplication.CreateSlimBuilder(args);
    /// builder.Services.AddLambdaHosting(LambdaEventSource.RestApi);
    /// </code>
    /// Unlike the original no <c>JsonSerializerContext</c> is needed: the event types and their source-generated
    /// metadata ship with Tenancy.Lambda.
    /// </summary>
    public static IServiceCollection AddLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource, Action<LambdaHostingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return LambdaEnvironment.IsLambda ? services.AddLambdaServer(eventSource, configure) : services;
    }

    /// <summary>
    /// Always replaces the app's server with <see cref="LambdaServer"/>; without a Runtime API address it only serves
    /// <see cref="LambdaServer.InvokeAsync"/> (in-process invocation for tests, benchmarks and local emulation).
    /// </summary>
    public static IServiceCollection AddLambdaServer(this IServiceCollection services, LambdaEventSource eventSource, Action<LambdaHostingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<LambdaHostingOptions>(options =>
        {
            options.EventSource = eventSource;
            configure?.Invoke(options);
        });
        services.RemoveAll<IServer>();
        services.AddSingleton<LambdaServer>();
        services.AddSingleton<IServer>(provider => provider.GetRequiredService<LambdaServer>());
        return services;
    }
}
