using System.Net;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Lambda;
using Tenancy.Lambda.Hosting;
using Tenancy.Testing.Events;

namespace Tenancy.Benchmarks.Lambda;

/// <summary>
/// Warm per-request cost of the same minimal API behind <see cref="LambdaServer"/> (REST API event in, response event
/// out, including JSON parsing, marshalling and the after-response work) versus Kestrel reached by HttpClient over
/// loopback. The Runtime API hop is excluded on purpose: it exists in Lambda whichever server runs the app.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ServerInvokeBenchmarks
{
    private const string RestEvent = "api/rest-v1/rest-v1-proxy_cognito-userpool-authorizer-claims_stage-Prod__aws-lambda-dotnet.json";
    private WebApplication _lambdaApp = null!;
    private WebApplication _kestrelApp = null!;
    private LambdaServer _server = null!;
    private HttpClient _client = null!;
    private byte[] _payload = null!;
    private LambdaInvocationContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lambdaApp = Build(builder => builder.Services.AddLambdaServer(LambdaEventSource.RestApi, o => o.Runtime.RuntimeApiAddress = null));
        _lambdaApp.StartAsync().GetAwaiter().GetResult();
        _server = (LambdaServer)_lambdaApp.Services.GetRequiredService<IServer>();

        _kestrelApp = Build(builder => builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0)));
        _kestrelApp.StartAsync().GetAwaiter().GetResult();
        var address = _kestrelApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };

        _payload = SampleEvents.Modified(RestEvent, e => e["pathParameters"]!["proxy"] = "hello/ada");
        _context = new LambdaInvocationContext("bench", DateTimeOffset.UtcNow.AddDays(1), "arn:aws:lambda:eu-west-1:123456789012:function:bench",
            new LambdaFunctionSettings("bench", "$LATEST", 512, "/aws/lambda/bench", "stream", "eu-west-1"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _lambdaApp.StopAsync().GetAwaiter().GetResult();
        _kestrelApp.StopAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> KestrelOverLoopback()
    {
        using var response = await _client.GetAsync("/hello/ada");
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length;
    }

    [Benchmark]
    public async Task<int> LambdaServerInvoke()
    {
        var response = await _server.InvokeAsync(_payload, _context);
        await response.AfterResponseSent!();
        return response.Payload.Length;
    }

    private static WebApplication Build(Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BenchmarkJson.Default));
        configure(builder);
        var app = builder.Build();
        app.MapGet("/hello/{name}", (string name) => new BenchmarkGreeting($"Hello {name}"));
        return app;
    }
}

public sealed record BenchmarkGreeting(string Message);

[JsonSerializable(typeof(BenchmarkGreeting))]
internal sealed partial class BenchmarkJson : JsonSerializerContext;
