using System.Globalization;
using Tenancy.Local.Emulator;
using Tenancy.Local.Functions;
using Tenancy.Local.Gateway;

namespace Tenancy.Local.Run;

/// <summary>
/// The README run's API Gateway mode: the cloud's template functions (authorizer and API) invoked as Lambdas behind
/// the local REST API front. Chosen when the template has an authorizer function, unless
/// <c>--Mode kestrel</c> asks for the direct (debugging) mode.
/// </summary>
public sealed class LocalGatewayMode : IAsyncDisposable
{
    private const string RegistryFunction = "RegistryFunction";
    private const string PreTokenGenerationFunction = "PreTokenGenerationFunction";

    private readonly LocalRestApiFront _front;

    private LocalGatewayMode(LocalRestApiFront front) => _front = front;

    public Uri BaseAddress => _front.BaseAddress;

    public static string TemplatePathOf(string[] args) =>
        LocalCloudSettings.FromConfiguration(args).TemplatePath
        ?? Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("The repository root (Tenancy.sln) was not found."), "template.yaml");

    public static bool UseGateway(string templatePath, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var mode = args.SkipWhile(a => a is not "--Mode" and not "--mode").Skip(1).FirstOrDefault();
        if (string.Equals(mode, "kestrel", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var functions = TemplateFunctionReader.Read(templatePath);
        return RestApiDefinitionReader.Read(templatePath, functions.Keys.ToList()).AuthorizerFunction is not null;
    }

    /// <summary>
    /// Publishes the bootstraps the run invokes when stale, without the local cloud (so it can run while the cloud
    /// starts): the onboarding's registry function and the pre-token trigger, and with the front the API and its
    /// authorizer. The cloud's functions then find them up to date.
    /// </summary>
    public static async Task PublishAsync(string templatePath, bool withFront, CancellationToken cancellationToken)
    {
        await using var invoker = new LocalFunctionInvoker(new LocalFunctionInvokerOptions { TemplatePath = templatePath, BuildLog = Console.WriteLine });
        var needed = new List<string?> { RegistryFunction, PreTokenGenerationFunction };
        if (withFront)
        {
            var api = RestApiDefinitionReader.Read(templatePath, invoker.Functions.Keys.ToList());
            needed.AddRange([api.IntegrationFunction, api.AuthorizerFunction]);
        }

        foreach (var function in needed.OfType<string>().Where(invoker.Functions.ContainsKey).Distinct(StringComparer.Ordinal))
        {
            await invoker.PrepareAsync(function, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Serves the template's REST API in front of the cloud's own template functions.</summary>
    public static async Task<LocalGatewayMode> StartAsync(LocalCloud cloud, string templatePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var invoker = cloud.TemplateFunctions
            ?? throw new InvalidOperationException("The local cloud was started without TemplateFunctions; the front has no functions to invoke.");
        var api = RestApiDefinitionReader.Read(templatePath, invoker.Functions.Keys.ToList());
        foreach (var function in new[] { api.IntegrationFunction, api.AuthorizerFunction }.OfType<string>())
        {
            await invoker.PrepareAsync(function, cancellationToken).ConfigureAwait(false);
        }

        var configured = Environment.GetEnvironmentVariable("TENANCY_API_PORT");
        var port = int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : LocalApiDemo.DefaultPort;
        LocalRestApiFront front;
        try
        {
            front = await LocalRestApiFront.StartAsync(api, invoker, cloud.ApiGateway, port, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            front = await LocalRestApiFront.StartAsync(api, invoker, cloud.ApiGateway, 0, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new LocalGatewayMode(front);
    }

    public ValueTask DisposeAsync() => _front.DisposeAsync();
}
