using System.Text.Json.Serialization;
using System.Text.Json;
using Tenancy.Lambda.Functions;
using Tenancy.Lambda.Runtime;
using Tenancy.Lambda.Tests.Infrastructure;
using Tenancy.Testing.Lambda;

namespace Tenancy.Lambda.Tests;

public sealed record GreetingRequest(string Name);

public sealed record GreetingResponse(string Message, string RequestId);

public sealed record CountRequest(int[] Values);

[JsonSerializable(typeof(GreetingRequest))]
[JsonSerializable(typeof(GreetingResponse))]
[JsonSerializable(typeof(CountRequest))]
[JsonSerializable(typeof(int))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial class TypedHostJson : JsonSerializerContext;

/// <summary>The typed host: source-generated JSON in and out, the handler picked by its name (<c>_HANDLER</c>).</summary>
public sealed class TypedHostTests : IAsyncLifetime
{
    private FakeRuntimeApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeRuntimeApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static LambdaFunctionHost CreateHost() => new LambdaFunctionHost()
        .Map("greet", TypedHostJson.Default.GreetingRequest, TypedHostJson.Default.GreetingResponse,
            (request, context) => new GreetingResponse($"Hello {request.Name}", context.AwsRequestId))
        .Map("sum", TypedHostJson.Default.CountRequest, TypedHostJson.Default.Int32,
            async (request, _, cancellationToken) =>
            {
                await Task.Yield();
                return request.Values.Sum();
            });

    [Theory]
    [InlineData("greet", "{\"name\":\"Ada\"}", "Hello Ada")]
    [InlineData("sum", "{\"values\":[1,2,39]}", "42")]
    public async Task The_handler_named_by_the_setting_serves_the_events(string handlerName, string payload, string expected)
    {
        using var stop = new CancellationTokenSource();
        var run = CreateHost().RunAsync(Options(handlerName), new ListLogger(), stop.Token);
        var script = new ScriptedInvocation();
        var call = await _api.Enqueue(payload, script);
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("response", call.Kind);
        if (handlerName == "greet")
        {
            var response = JsonSerializer.Deserialize(call.Body, TypedHostJson.Default.GreetingResponse)!;
            Assert.Equal(expected, response.Message);
            Assert.Equal(script.RequestId, response.RequestId);
        }
        else
        {
            Assert.Equal(expected, call.BodyText);
        }
    }

    [Fact]
    public async Task An_event_of_the_wrong_shape_is_an_invocation_error_and_the_function_keeps_serving()
    {
        using var stop = new CancellationTokenSource();
        var run = CreateHost().RunAsync(Options("sum"), new ListLogger(), stop.Token);
        var bad = await _api.Enqueue("{\"values\":\"not numbers\"}");
        var good = await _api.Enqueue("{\"values\":[2]}");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("error", bad.Kind);
        Assert.Equal("LambdaEventException", bad.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Contains("CountRequest", bad.BodyText, StringComparison.Ordinal);
        Assert.Equal("2", good.BodyText);
    }

    [Fact]
    public async Task An_unknown_handler_name_is_an_init_error_and_exit_code_1()
    {
        var exitCode = await CreateHost().RunAsync(Options("nope"), new ListLogger());
        var call = await _api.InitError;

        Assert.Equal(1, exitCode);
        Assert.Equal("Runtime.NoSuchHandler", call.Header("Lambda-Runtime-Function-Error-Type"));
        using var json = JsonDocument.Parse(call.Body);
        var message = json.RootElement.GetProperty("errorMessage").GetString();
        Assert.Contains("\"nope\"", message, StringComparison.Ordinal);
        Assert.Contains("greet", message, StringComparison.Ordinal);
        Assert.Contains("sum", message, StringComparison.Ordinal);
        Assert.Equal(0, _api.NextCalls);
    }

    [Fact]
    public void A_single_handler_runs_without_a_handler_setting_but_two_need_one()
    {
        var single = new LambdaFunctionHost().Map("only", TypedHostJson.Default.Int32, TypedHostJson.Default.Int32, (value, _) => value);

        Assert.True(single.TryResolve(null, out _));
        Assert.False(CreateHost().TryResolve(null, out _));
        Assert.Throws<ArgumentException>(() => single.Map("only", TypedHostJson.Default.Int32, TypedHostJson.Default.Int32, (value, _) => value));
    }

    private LambdaRuntimeOptions Options(string handlerName) => new() { RuntimeApiAddress = _api.Address, HandlerName = handlerName };
}
