using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tenancy.Lambda.Tests.Infrastructure;

/// <summary>
/// The Lambda Runtime API on 127.0.0.1 (real Kestrel), scripted by the test: events are queued, every /response,
/// /error and /init/error is recorded with its headers. It answers like Lambda does: 400 for an unknown request id,
/// 403 for a second answer, 410 after the deadline (or when told to), 413 above the payload limit.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    /// <summary>The limit quoted in Lambda's 413 message.</summary>
    public const int DefaultPayloadLimit = 6291556;

    private readonly WebApplication _app;
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new();
    private readonly TaskCompletionSource<DateTimeOffset> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RecordedCall> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextCalls;
    private long _firstNextTimestamp;

    private FakeRuntimeApi(WebApplication app) => _app = app;

    public string Address { get; private set; } = string.Empty;

    public int PayloadLimit { get; set; } = DefaultPayloadLimit;

    /// <summary>When the first <c>GET next</c> arrived (the end of init).</summary>
    public Task<DateTimeOffset> FirstNextCall => _firstNext.Task;

    public Task<RecordedCall> InitError => _initError.Task;

    public int NextCalls => Volatile.Read(ref _nextCalls);

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> of the first <c>GET next</c>, 0 before it.</summary>
    public long FirstNextTimestamp => Interlocked.Read(ref _firstNextTimestamp);

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = null;
            options.ResponseHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
            options.RequestHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
        });
        var app = builder.Build();
        var fake = new FakeRuntimeApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Address = new Uri(address).Authority;
        return fake;
    }

    /// <summary>Queues an event; the task completes with the runtime's answer (or the 410/413 given to it).</summary>
    public Task<RecordedCall> Enqueue(byte[] payload, ScriptedInvocation? script = null)
    {
        var pending = new PendingInvocation(script ?? new ScriptedInvocation(), payload);
        _inFlight[pending.Script.RequestId] = pending;
        _queue.Writer.TryWrite(pending);
        return pending.Answer.Task;
    }

    public Task<RecordedCall> Enqueue(string json, ScriptedInvocation? script = null) => Enqueue(System.Text.Encoding.UTF8.GetBytes(json), script);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        const string prefix = "/2018-06-01/runtime/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var route = path[prefix.Length..];
        if (route == "invocation/next" && HttpMethods.IsGet(context.Request.Method))
        {
            await NextAsync(context);
        }
        else if (route == "init/error" && HttpMethods.IsPost(context.Request.Method))
        {
            _initError.TrySetResult(await RecordAsync(context, "init/error", "-"));
            await AcceptedAsync(context);
        }
        else if (route.StartsWith("invocation/", StringComparison.Ordinal) && HttpMethods.IsPost(context.Request.Method))
        {
            var parts = route.Split('/');
            await AnswerAsync(context, Uri.UnescapeDataString(parts[1]), parts[2]);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.CompareExchange(ref _firstNextTimestamp, System.Diagnostics.Stopwatch.GetTimestamp(), 0);
        _firstNext.TrySetResult(DateTimeOffset.UtcNow);
        Interlocked.Increment(ref _nextCalls);
        PendingInvocation pending;
        try
        {
            pending = await _queue.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            context.Abort();
            return;
        }

        var script = pending.Script;
        pending.Deadline = DateTimeOffset.UtcNow + script.Timeout;
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = script.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = pending.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = script.FunctionArn;
        SetIfPresent(headers, "Lambda-Runtime-Trace-Id", script.TraceId);
        SetIfPresent(headers, "Lambda-Runtime-Client-Context", script.ClientContext);
        SetIfPresent(headers, "Lambda-Runtime-Cognito-Identity", script.CognitoIdentity);
        SetIfPresent(headers, "Lambda-Runtime-Aws-Tenant-Id", script.TenantId);
        SetIfPresent(headers, "Lambda-Runtime-Invocation-Id", script.InvocationId);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = pending.Payload.Length;
        await context.Response.Body.WriteAsync(pending.Payload);
    }

    private async Task AnswerAsync(HttpContext context, string requestId, string kind)
    {
        if (!_inFlight.TryGetValue(requestId, out var pending))
        {
            await ErrorAsync(context, 400, "InvalidRequestID", "Invalid request ID");
            return;
        }

        var call = await RecordAsync(context, kind, requestId);
        if (pending.Answered)
        {
            await ErrorAsync(context, 403, "InvalidStateTransition", "State transition is not allowed");
            return;
        }

        pending.Answered = true;
        if (pending.Script.AnswerGone || DateTimeOffset.UtcNow > pending.Deadline)
        {
            pending.Answer.TrySetResult(call with { StatusReturned = 410 });
            await ErrorAsync(context, 410, "ErrorRuntimeInvokeTimeout", "Invoke timeout");
            return;
        }

        if (kind == "response" && call.Body.Length > PayloadLimit)
        {
            pending.Answer.TrySetResult(call with { StatusReturned = 413 });
            await ErrorAsync(context, 413, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({PayloadLimit} bytes).");
            return;
        }

        pending.Answer.TrySetResult(call with { StatusReturned = 202 });
        await AcceptedAsync(context);
    }

    private static async Task<RecordedCall> RecordAsync(HttpContext context, string kind, string requestId)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedCall(kind, requestId, body.ToArray(), headers, 0);
    }

    private static Task AcceptedAsync(HttpContext context)
    {
        context.Response.StatusCode = 202;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"status\":\"OK\"}");
    }

    private static Task ErrorAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($"{{\"errorMessage\":\"{message}\",\"errorType\":\"{type}\"}}");
    }

    private static void SetIfPresent(IHeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }

    private sealed class PendingInvocation(ScriptedInvocation script, byte[] payload)
    {
        public ScriptedInvocation Script { get; } = script;

        public byte[] Payload { get; } = payload;

        public DateTimeOffset Deadline { get; set; }

        public bool Answered { get; set; }

        public TaskCompletionSource<RecordedCall> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>What the fake Runtime API sends with one event.</summary>
public sealed record ScriptedInvocation
{
    public string RequestId { get; init; } = Guid.NewGuid().ToString();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public string FunctionArn { get; init; } = "arn:aws:lambda:eu-west-1:123456789012:function:tenancy-test";

    public string? TraceId { get; init; }

    public string? ClientContext { get; init; }

    public string? CognitoIdentity { get; init; }

    public string? TenantId { get; init; }

    public string? InvocationId { get; init; }

    /// <summary>Answer the runtime's post with 410, as Lambda does for an invocation that already timed out.</summary>
    public bool AnswerGone { get; init; }
}

/// <summary>One post the runtime made, and the status the fake answered.</summary>
public sealed record RecordedCall(string Kind, string RequestId, byte[] Body, IReadOnlyDictionary<string, string> Headers, int StatusReturned)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
