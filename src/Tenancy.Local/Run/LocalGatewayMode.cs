using System.Globalization;
using Tenancy.Local.Emulator;
using Tenancy.Local.Functions;
using Tenancy.Local.Gateway;
using Tenancy.Local.Run.Api;

namespace Tenancy.Local.Run;

/// <summary>
/// The README run's API Gateway mode: the template's functions (authorizer and API) invoked as Lambdas against the
/// local cloud, behind the local REST API front. Chosen when the template has an authorizer function, unless
/// <c>--Mode kestrel</c> asks for the direct (debugging) mode.
/// </summary>
public sealed class LocalGatewayMode : IAsyncDisposable
{
    private readonly LocalFunctionInvoker _invoker;
    private readonly LocalRestApiFront _front;

    private LocalGatewayMode(LocalFunctionInvoker invoker, LocalRestApiFront front)
    {
        _invoker = invoker;
        _front = front;
    }

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
    /// Publishes the API and authorizer bootstraps when stale, without the local cloud (so it can run while the cloud
    /// starts); <see cref="StartAsync"/> then finds them up to date.
    /// </summary>
    public static async Task PublishAsync(string templatePath, CancellationToken cancellationToken)
    {
        await using var invoker = new LocalFunctionInvoker(new LocalFunctionInvokerOptions { TemplatePath = templatePath, BuildLog = Console.WriteLine });
        var api = RestApiDefinitionReader.Read(templatePath, invoker.Functions.Keys.ToList());
        foreach (var function in new[] { api.IntegrationFunction, api.AuthorizerFunction }.OfType<string>())
        {
            await invoker.PrepareAsync(function, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<LocalGatewayMode> StartAsync(LocalCloud cloud, string templatePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var invoker = new LocalFunctionInvoker(new LocalFunctionInvokerOptions
        {
            TemplatePath = templatePath,
            CommonEnvironment = LocalApiEnvironment.For(cloud),
            BuildLog = Console.WriteLine,
            LogSink = (id, line) => Console.WriteLine($"[{id}] {line}"),
        });
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

        return new LocalGatewayMode(invoker, front);
    }

    public async ValueTask DisposeAsync()
    {
        await _front.DisposeAsync().ConfigureAwait(false);
        await _invoker.DisposeAsync().ConfigureAwait(false);
    }
}
