using System.IO.Pipelines;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Tenancy.Lambda.Hosting.Features;

/// <summary>
/// Everything ASP.NET Core asks a server for one request, filled from an API Gateway event. One object implements the
/// request-scoped features, as Kestrel's connection does, so an invocation allocates one feature holder.
/// </summary>
internal sealed class LambdaHttpFeatures :
    IHttpRequestFeature,
    IHttpResponseFeature,
    IHttpResponseBodyFeature,
    IHttpRequestLifetimeFeature,
    IHttpConnectionFeature,
    IHttpRequestIdentifierFeature,
    IHttpAuthenticationFeature,
    IHttpRequestBodyDetectionFeature,
    ILambdaInvocationFeature,
    IDisposable
{
    private readonly CancellationTokenSource _aborted;
    private readonly ResponseBodyBuffer _body;
    private Stack<(Func<object, Task> Callback, object State)>? _onStarting;
    private Stack<(Func<object, Task> Callback, object State)>? _onCompleted;
    private PipeWriter? _writer;

    public LambdaHttpFeatures(LambdaInvocationContext context, object lambdaEvent, CancellationToken deadline)
    {
        Context = context;
        Event = lambdaEvent;
        _aborted = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        _body = new ResponseBodyBuffer(StartResponseAsync);
        Body = _body;
        TraceIdentifier = context.TraceId ?? context.AwsRequestId;
    }

    public FeatureCollection Collection { get; } = new(12);

    public LambdaInvocationContext Context { get; }

    public object Event { get; }

    public ResponseBodyBuffer ResponseBuffer => _body;

    // IHttpRequestFeature
    public string Protocol { get; set; } = "HTTP/1.1";

    public string Scheme { get; set; } = "https";

    public string Method { get; set; } = HttpMethods.Get;

    public string PathBase { get; set; } = string.Empty;

    public string Path { get; set; } = "/";

    public string QueryString { get; set; } = string.Empty;

    public string RawTarget { get; set; } = "/";

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    Stream IHttpRequestFeature.Body { get; set; } = Stream.Null;

    // IHttpRequestBodyDetectionFeature
    public bool CanHaveBody { get; set; }

    // IHttpResponseFeature
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary ResponseHeaders { get; set; } = new HeaderDictionary();

    IHeaderDictionary IHttpResponseFeature.Headers
    {
        get => ResponseHeaders;
        set => ResponseHeaders = value;
    }

    public Stream Body { get; set; }

    public bool HasStarted { get; private set; }

    // IHttpResponseBodyFeature
    Stream IHttpResponseBodyFeature.Stream => Body;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Body, new StreamPipeWriterOptions(leaveOpen: true));

    // IHttpRequestLifetimeFeature
    public CancellationToken RequestAborted { get; set; }

    // IHttpConnectionFeature
    public string ConnectionId { get; set; } = string.Empty;

    public IPAddress? RemoteIpAddress { get; set; }

    public IPAddress? LocalIpAddress { get; set; }

    public int RemotePort { get; set; }

    public int LocalPort { get; set; } = 443;

    // IHttpRequestIdentifierFeature
    public string TraceIdentifier { get; set; }

    // IHttpAuthenticationFeature
    public ClaimsPrincipal? User { get; set; }

    public void Register()
    {
        RequestAborted = _aborted.Token;
        ConnectionId = Context.AwsRequestId;
        Collection.Set<IHttpRequestFeature>(this);
        Collection.Set<IHttpResponseFeature>(this);
        Collection.Set<IHttpResponseBodyFeature>(this);
        Collection.Set<IHttpRequestLifetimeFeature>(this);
        Collection.Set<IHttpConnectionFeature>(this);
        Collection.Set<IHttpRequestIdentifierFeature>(this);
        Collection.Set<IHttpAuthenticationFeature>(this);
        Collection.Set<IHttpRequestBodyDetectionFeature>(this);
        Collection.Set<ILambdaInvocationFeature>(this);
    }

    public void SetRequestBody(Stream requestBody, bool hasBody)
    {
        ((IHttpRequestFeature)this).Body = requestBody;
        CanHaveBody = hasBody;
    }

    public void Abort() => _aborted.Cancel();

    public void OnStarting(Func<object, Task> callback, object state)
    {
        if (HasStarted)
        {
            throw new InvalidOperationException("The response has already started.");
        }

        (_onStarting ??= new()).Push((callback, state));
    }

    public void OnCompleted(Func<object, Task> callback, object state) => (_onCompleted ??= new()).Push((callback, state));

    public Task StartAsync(CancellationToken cancellationToken = default) => HasStarted ? Task.CompletedTask : StartResponseAsync();

    public void DisableBuffering()
    {
    }

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        file.Seek(offset, SeekOrigin.Begin);
        if (count is { } length)
        {
            var bytes = new byte[length];
            await file.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            await Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await file.CopyToAsync(Body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Flushes a pipe writer the app used, then starts the response if nothing was written.</summary>
    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }

        await StartAsync().ConfigureAwait(false);
    }

    /// <summary>Discards what the app produced so an error response can replace it.</summary>
    public void ResetResponse(int statusCode)
    {
        StatusCode = statusCode;
        ReasonPhrase = null;
        ResponseHeaders = new HeaderDictionary();
        _body.Reset();
    }

    public async Task RunOnCompletedAsync()
    {
        if (_onCompleted is null)
        {
            return;
        }

        // Last registered runs first, as on Kestrel.
        while (_onCompleted.TryPop(out var entry))
        {
            await entry.Callback(entry.State).ConfigureAwait(false);
        }
    }

    public void Dispose() => _aborted.Dispose();

    private async Task StartResponseAsync()
    {
        if (HasStarted)
        {
            return;
        }

        // Last registered runs first, as on Kestrel; headers stay writable until every callback has run.
        if (_onStarting is not null)
        {
            while (_onStarting.TryPop(out var entry))
            {
                await entry.Callback(entry.State).ConfigureAwait(false);
            }
        }

        HasStarted = true;
        if (ResponseHeaders is HeaderDictionary headers)
        {
            headers.IsReadOnly = true;
        }
    }
}
