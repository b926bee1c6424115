using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Tenancy.Local.Functions;

/// <summary>
/// The Lambda Runtime API (2018-06-01) of one execution environment, on a loopback port: <c>GET next</c> long-polls
/// for the next event; <c>/response</c>, <c>/error</c> and <c>/init/error</c> are answered as Lambda answers them
/// (202 <c>{"status":"OK"}</c>; 400 <c>InvalidRequestID</c> for an id that is not the current invocation, 403
/// <c>InvalidStateTransition</c> for a second answer, 413 <c>RequestEntityTooLarge</c> above 6 MB).
/// </summary>
public sealed class LocalRuntimeApi : IAsyncDisposable
{
    /// <summary>The limit Lambda quotes in its 413 message.</summary>
    public const int MaxResponseBytes = 6291556;
    private const string Prefix = "/2018-06-01/runtime/";

    private readonly WebApplication _app;
    private readonly Channel<PendingInvocation> _queue = Channel.CreateBounded<PendingInvocation>(1);
    private readonly TaskCompletionSource _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RuntimeApiAnswer> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PendingInvocation? _current;

    private LocalRuntimeApi(WebApplication app) => _app = app;

    /// <summary><c>host:port</c>, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Completes at the first <c>GET next</c>: the end of init.</summary>
    public Task FirstNext => _firstNext.Task;

    /// <summary>Completes when the runtime posts <c>/runtime/init/error</c>.</summary>
    public Task<RuntimeApiAnswer> InitError => _initError.Task;

    public static async Task<LocalRuntimeApi> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = null;
            options.AddServerHeader = false;
            // Client context and identity headers may carry non-ASCII text.
            options.RequestHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
            options.ResponseHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
        });
        var app = builder.Build();
        var api = new LocalRuntimeApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api.Address = new Uri(address).Authority;
        return api;
    }

    /// <summary>Hands <paramref name="invocation"/> to the runtime's (current or next) <c>GET next</c>.</summary>
    internal ValueTask OfferAsync(PendingInvocation invocation, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _current, invocation);
        return _queue.Writer.WriteAsync(invocation, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var route = path[Prefix.Length..];
        if (route == "invocation/next" && HttpMethods.IsGet(context.Request.Method))
        {
            await NextAsync(context).ConfigureAwait(false);
        }
        else if (route == "init/error" && HttpMethods.IsPost(context.Request.Method))
        {
            _initError.TrySetResult(await ReadAnswerAsync(context, isError: true).ConfigureAwait(false));
            await AcceptedAsync(context).ConfigureAwait(false);
        }
        else if (route.Split('/') is ["invocation", var requestId, var kind] && kind is "response" or "error" && HttpMethods.IsPost(context.Request.Method))
        {
            await AnswerAsync(context, Uri.UnescapeDataString(requestId), kind == "error").ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task NextAsync(HttpContext context)
    {
        _firstNext.TrySetResult();
        PendingInvocation invocation;
        try
        {
            invocation = await _queue.Reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            context.Abort();
            return;
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = TraceHeader();
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = invocation.Payload.Length;
        await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext context, string requestId, bool isError)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || !string.Equals(current.RequestId, requestId, StringComparison.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestID", "Invalid request ID").ConfigureAwait(false);
            return;
        }

        var answer = await ReadAnswerAsync(context, isError).ConfigureAwait(false);
        if (!isError && answer.Body.Length > MaxResponseBytes)
        {
            // The invocation fails; a later /error for it is then an invalid transition, as in Lambda.
            current.TryMarkAnswered();
            current.Answer.TrySetResult(new RuntimeApiAnswer(true, LambdaErrorJson.Create("Function.ResponseSizeTooLarge", $"Response payload size exceeded maximum allowed payload size ({MaxResponseBytes} bytes)."), "Function.ResponseSizeTooLarge"));
            await ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({MaxResponseBytes} bytes).").ConfigureAwait(false);
            return;
        }

        if (!current.TryMarkAnswered())
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidStateTransition", "State transition is not allowed").ConfigureAwait(false);
            return;
        }

        current.Answer.TrySetResult(answer);
        await AcceptedAsync(context).ConfigureAwait(false);
    }

    private static async Task<RuntimeApiAnswer> ReadAnswerAsync(HttpContext context, bool isError)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
        return new RuntimeApiAnswer(isError, body.ToArray(), errorType.Length == 0 ? null : errorType);
    }

    private static Task AcceptedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"status\":\"OK\"}");
    }

    private static Task ErrorAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(LambdaErrorJson.Create(type, message)).AsTask();
    }

    // An X-Ray trace header as Lambda passes it: Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=0.
    private static string TraceHeader()
    {
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..24];
        var parent = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16];
        return $"Root=1-{epoch}-{id};Parent={parent};Sampled=0";
    }
}
