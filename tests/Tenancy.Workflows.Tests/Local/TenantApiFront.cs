using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator;
using Tenancy.Local.Gateway;
using Tenancy.Testing;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>The template's REST API served in front of the cloud's own template functions, as the README run serves it.</summary>
internal sealed class TenantApiFront : IAsyncDisposable
{
    private readonly LocalRestApiFront _front;

    private TenantApiFront(LocalRestApiFront front) => _front = front;

    public static async Task<TenantApiFront> StartAsync(LocalCloud cloud)
    {
        var invoker = cloud.TemplateFunctions ?? throw new InvalidOperationException("The cloud runs no template functions.");
        var api = RestApiDefinitionReader.Read(RepositoryFiles.PathOf("template.yaml"), invoker.Functions.Keys.ToList());
        foreach (var function in new[] { api.IntegrationFunction, api.AuthorizerFunction }.OfType<string>())
        {
            await invoker.PrepareAsync(function, CancellationToken.None);
        }

        return new TenantApiFront(await LocalRestApiFront.StartAsync(api, invoker, cloud.ApiGateway));
    }

    public async Task<JsonObject> GetAsync(string path, string accessToken)
    {
        using var http = new HttpClient { BaseAddress = _front.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public ValueTask DisposeAsync() => _front.DisposeAsync();
}
