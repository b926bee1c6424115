using Tenancy.Local.Emulator;
using Tenancy.Local.Functions;
using Tenancy.Local.Gateway;
using Tenancy.Local.Run.Api;
using Tenancy.Testing;

namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>
/// The API as a client reaches it in AWS, the way the README run serves it: the local REST API front (the template's
/// authorizer function, its cache, the tenant's usage plan, the gateway responses), then REST v1 proxy events to
/// the API function's bootstrap through a local Lambda Runtime API. Every instance has its own invoker, so its Lambda
/// environments and authorizer cache start cold.
/// </summary>
public sealed class GatewayApi : IApiUnderTest
{
    private readonly LocalFunctionInvoker _invoker;
    private readonly LocalRestApiFront _front;
    private readonly List<string> _apiLines;

    private GatewayApi(LocalFunctionInvoker invoker, LocalRestApiFront front, List<string> apiLines)
    {
        _invoker = invoker;
        _front = front;
        _apiLines = apiLines;
    }

    public Uri BaseAddress => _front.BaseAddress;

    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_apiLines)
            {
                return [.. _apiLines];
            }
        }
    }

    /// <summary>How many times the front invoked the authorizer function (its cache misses).</summary>
    public long AuthorizerInvocations => _front.AuthorizerInvocations;

    /// <summary>Idle warm environments of the API function right now.</summary>
    public int WarmApiEnvironments => _invoker.WarmEnvironments(_front.Api.IntegrationFunction);

    private static string TemplatePath => RepositoryFiles.PathOf("template.yaml");

    /// <summary>
    /// Publishes (Native AOT, under <c>artifacts/functions</c>, when stale) the front's functions that
    /// <paramref name="bootstrapOverrides"/> does not replace, so the first request does not pay for a build.
    /// </summary>
    public static async Task PrepareAsync(IReadOnlyDictionary<string, string> bootstrapOverrides)
    {
        await using var invoker = new LocalFunctionInvoker(new LocalFunctionInvokerOptions { TemplatePath = TemplatePath });
        var api = RestApiDefinitionReader.Read(TemplatePath, invoker.Functions.Keys.ToList());
        foreach (var function in new[] { api.IntegrationFunction, api.AuthorizerFunction }.OfType<string>().Where(f => !bootstrapOverrides.ContainsKey(f)))
        {
            await invoker.PrepareAsync(function, CancellationToken.None);
        }
    }

    public static async Task<GatewayApi> StartAsync(LocalCloud cloud, IReadOnlyDictionary<string, string> bootstrapOverrides)
    {
        var apiLines = new List<string>();
        var invoker = new LocalFunctionInvoker(new LocalFunctionInvokerOptions
        {
            TemplatePath = TemplatePath,
            // As the README run's gateway mode: the local cloud's endpoints and the API function role's credentials.
            CommonEnvironment = LocalApiEnvironment.For(cloud),
            BootstrapOverrides = bootstrapOverrides,
            LogSink = (function, line) =>
            {
                if (function == TemplateFunctionReader.ApiFunctionLogicalId)
                {
                    lock (apiLines)
                    {
                        apiLines.Add(line);
                    }
                }
            },
        });
        try
        {
            var api = RestApiDefinitionReader.Read(TemplatePath, invoker.Functions.Keys.ToList());
            if (api.AuthorizerFunction is null || api.IntegrationFunction != TemplateFunctionReader.ApiFunctionLogicalId)
            {
                throw new InvalidOperationException("template.yaml's REST API must put the authorizer function in front of ApiFunction.");
            }

            var front = await LocalRestApiFront.StartAsync(api, invoker, cloud.ApiGateway);
            return new GatewayApi(invoker, front, apiLines);
        }
        catch
        {
            await invoker.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _front.DisposeAsync();
        await _invoker.DisposeAsync();
    }
}
