using System.Diagnostics;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Tenancy.Lambda.Runtime;
using Tenancy.Lambda.Tests.Infrastructure;
using Tenancy.Testing.Lambda;

namespace Tenancy.Lambda.Tests;

/// <summary>The invocation loop against a Runtime API served by Kestrel on 127.0.0.1.</summary>
public sealed class RuntimeLoopTests : IAsyncLifetime
{
    private static readonly LambdaFunctionSettings Function = new("tenancy-test", "$LATEST", 512, "/aws/lambda/tenancy-test", "stream", "eu-west-1");
    private FakeRuntimeApi _api = null!;
    private RuntimeApiClient _client = null!;
    private readonly ListLogger _logger = new();

    public async Task InitializeAsync()
    {
        _api = await FakeRuntimeApi.StartAsync();
        _client = new RuntimeApiClient(_api.Address, Function);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Every_next_header_reaches_the_context_and_the_invocation_id_is_echoed()
    {
        LambdaInvocationContext? seen = null;
        string? environmentTrace = null;
        Activity? activity = null;
        var handler = new DelegateHandler((payload, context, _) =>
        {
            seen = LambdaInvocationContext.Current;
            environmentTrace = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID");
            activity = Activity.Current;
            return Task.FromResult(new LambdaResponse(payload.ToArray()));
        });
        var script = new ScriptedInvocation
        {
            TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
            ClientContext = "{\"client\":{\"app_title\":\"Zürich\"}}",
            CognitoIdentity = "{\"cognitoIdentityId\":\"eu-west-1:abc\",\"cognitoIdentityPoolId\":\"eu-west-1:pool\"}",
            TenantId = "tenant-42",
            InvocationId = "inv-7f3a",
        };

        var answer = _api.Enqueue("{\"hello\":\"world\"}", script);
        await RunOneAsync(handler);
        var call = await answer;

        Assert.Equal("response", call.Kind);
        Assert.Equal(202, call.StatusReturned);
        Assert.Equal("{\"hello\":\"world\"}", call.BodyText);
        Assert.Equal("inv-7f3a", call.Header("Lambda-Runtime-Invocation-Id"));
        Assert.NotNull(seen);
        Assert.Equal(script.RequestId, seen.AwsRequestId);
        Assert.Equal(script.FunctionArn, seen.InvokedFunctionArn);
        Assert.Equal(script.TraceId, seen.TraceId);
        Assert.Equal(script.ClientContext, seen.ClientContextJson);
        Assert.Equal(script.CognitoIdentity, seen.CognitoIdentityJson);
        Assert.Equal("tenant-42", seen.TenantId);
        Assert.Equal("inv-7f3a", seen.InvocationId);
        Assert.Same(Function, seen.Function);
        Assert.InRange(seen.Deadline, DateTimeOffset.UtcNow.AddSeconds(25), DateTimeOffset.UtcNow.AddSeconds(31));
        Assert.Equal(script.TraceId, environmentTrace);
        Assert.NotNull(activity);
        Assert.Equal("5759e988bd862e3fe1be46a994272793", activity.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", activity.ParentSpanId.ToHexString());
        Assert.True(activity.Recorded);
        Assert.Null(LambdaInvocationContext.Current);
    }

    [Fact]
    public async Task Without_an_invocation_id_none_is_sent_and_the_trace_variable_is_cleared()
    {
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", "Root=stale");
        var environmentTrace = "unset";
        var handler = new DelegateHandler((_, _, _) =>
        {
            environmentTrace = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID");
            return Task.FromResult(new LambdaResponse("1"u8.ToArray()));
        });
        var answer = _api.Enqueue("{}");
        await RunOneAsync(handler);
        var call = await answer;

        Assert.Null(call.Header("Lambda-Runtime-Invocation-Id"));
        Assert.Null(environmentTrace);
    }

    [Fact]
    public async Task A_handler_exception_is_posted_as_an_error_payload_with_the_error_type_header()
    {
        var handler = new DelegateHandler((_, _, _) => throw new InvalidOperationException("the tenant table is gone"));
        var answer = _api.Enqueue("{}", new ScriptedInvocation { InvocationId = "inv-err" });
        await RunOneAsync(handler);
        var call = await answer;

        Assert.Equal("error", call.Kind);
        Assert.Equal("InvalidOperationException", call.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal("application/vnd.aws.lambda.error+json", call.Header("Content-Type"));
        Assert.Equal("inv-err", call.Header("Lambda-Runtime-Invocation-Id"));
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal("the tenant table is gone", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(call.RequestId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_410_on_a_timed_out_invocation_is_logged_and_the_loop_goes_on()
    {
        var handler = new DelegateHandler((payload, _, _) => Task.FromResult(new LambdaResponse(payload.ToArray())));
        var gone = _api.Enqueue("{\"n\":1}", new ScriptedInvocation { AnswerGone = true });
        var next = _api.Enqueue("{\"n\":2}");
        using var stop = new CancellationTokenSource();
        var loop = new LambdaRuntimeLoop(_client, handler, new LambdaRuntimeOptions(), _logger).RunAsync(stop.Token);

        Assert.Equal(410, (await gone).StatusReturned);
        var second = await next;
        Assert.Equal(202, second.StatusReturned);
        Assert.Equal("{\"n\":2}", second.BodyText);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("410", StringComparison.Ordinal));
        await StopAsync(stop, loop);
    }

    [Fact]
    public async Task An_oversize_response_becomes_an_error_instead_of_a_crash()
    {
        var big = new byte[LambdaRuntimeOptions.DefaultMaxResponseBytes + 1];
        var handler = new DelegateHandler((payload, _, _) =>
            Task.FromResult(new LambdaResponse(payload.Span.SequenceEqual("\"big\""u8) ? big : payload.ToArray())));
        var oversize = _api.Enqueue("\"big\"");
        var after = _api.Enqueue("\"small\"");
        using var stop = new CancellationTokenSource();
        var loop = new LambdaRuntimeLoop(_client, handler, new LambdaRuntimeOptions(), _logger).RunAsync(stop.Token);

        var error = await oversize;
        Assert.Equal("error", error.Kind);
        Assert.Equal("Function.ResponseSizeTooLarge", error.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Contains("6291457 bytes", error.BodyText, StringComparison.Ordinal);
        Assert.Equal("\"small\"", (await after).BodyText);
        await StopAsync(stop, loop);
    }

    [Fact]
    public async Task A_413_from_the_runtime_api_is_logged_without_an_error_post_and_the_loop_goes_on()
    {
        _api.PayloadLimit = 1000;
        var handler = new DelegateHandler((payload, _, _) => Task.FromResult(new LambdaResponse(payload.Length > 10 ? new byte[2000] : payload.ToArray())));
        var tooLarge = _api.Enqueue("\"0123456789abc\"");
        var after = _api.Enqueue("1");
        using var stop = new CancellationTokenSource();
        var loop = new LambdaRuntimeLoop(_client, handler, new LambdaRuntimeOptions(), _logger).RunAsync(stop.Token);

        Assert.Equal(413, (await tooLarge).StatusReturned);
        Assert.Equal(202, (await after).StatusReturned);
        Assert.Contains(_logger.Entries, e => e.Message.Contains("413", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Entries, e => e.Message.Contains("rejected", StringComparison.Ordinal));
        await StopAsync(stop, loop);
    }

    [Fact]
    public async Task The_handler_token_fires_before_the_deadline()
    {
        var handler = new DelegateHandler(async (_, context, cancellationToken) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return new LambdaResponse("\"not cancelled\""u8.ToArray());
            }
            catch (OperationCanceledException)
            {
                var margin = context.Deadline - DateTimeOffset.UtcNow;
                return new LambdaResponse(Encoding.UTF8.GetBytes(margin > TimeSpan.Zero ? "\"cancelled in time\"" : "\"cancelled late\""));
            }
        });
        var answer = _api.Enqueue("{}", new ScriptedInvocation { Timeout = TimeSpan.FromMilliseconds(1500) });
        var options = new LambdaRuntimeOptions { RunOnce = true, DeadlineMargin = TimeSpan.FromMilliseconds(700) };
        await new LambdaRuntimeLoop(_client, handler, options, _logger).RunAsync(CancellationToken.None);
        var call = await answer;

        Assert.Equal(202, call.StatusReturned);
        Assert.Equal("\"cancelled in time\"", call.BodyText);
    }

    [Fact]
    public async Task Stopping_ends_a_pending_next_call_gracefully()
    {
        var handler = new DelegateHandler((_, _, _) => Task.FromResult(new LambdaResponse(default)));
        using var stop = new CancellationTokenSource();
        var loop = new LambdaRuntimeLoop(_client, handler, new LambdaRuntimeOptions(), _logger).RunAsync(stop.Token);
        await WaitUntilAsync(() => _api.NextCalls > 0);

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(loop.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Init_failures_are_posted_to_the_init_error_endpoint()
    {
        await LambdaInitErrorReporter.ReportAsync(_api.Address, new InvalidOperationException("configuration is missing TENANT_TABLE"), _logger);
        var call = await _api.InitError;

        Assert.Equal("Runtime.InitError", call.Header("Lambda-Runtime-Function-Error-Type"));
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal("configuration is missing TENANT_TABLE", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(LogLevel.Critical, Assert.Single(_logger.Entries).Level);
    }

    private async Task RunOneAsync(ILambdaInvocationHandler handler) =>
        await new LambdaRuntimeLoop(_client, handler, new LambdaRuntimeOptions { RunOnce = true }, _logger).RunAsync(CancellationToken.None);

    private static async Task StopAsync(CancellationTokenSource stop, Task loop)
    {
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
