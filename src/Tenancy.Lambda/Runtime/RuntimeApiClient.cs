using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Tenancy.Lambda.Runtime;

/// <summary>
/// The four Runtime API calls (<c>next</c>, <c>response</c>, <c>error</c>, <c>init/error</c>) over one long-lived
/// <see cref="HttpClient"/>. It has no timeout: Lambda may freeze the process while <c>next</c> is pending.
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private const string ApiVersion = "2018-06-01";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeHeaderValue ErrorContentType = new(RuntimeApiHeaders.ErrorContentType);

    private readonly HttpClient _http;
    private readonly Uri _nextUri;
    private readonly Uri _initErrorUri;
    private readonly string _invocationBase;
    private readonly LambdaFunctionSettings _function;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the client for one runtime process.</summary>
    /// <param name="runtimeApiAddress">The <c>host:port</c> from <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    /// <param name="function">The function's settings, copied into every invocation context.</param>
    /// <param name="timeProvider">The clock deadlines are read against; the system clock when null.</param>
    public RuntimeApiClient(string runtimeApiAddress, LambdaFunctionSettings function, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApiAddress);
        _function = function ?? throw new ArgumentNullException(nameof(function));
        _timeProvider = timeProvider ?? TimeProvider.System;
        var root = $"http://{runtimeApiAddress}/{ApiVersion}/runtime/";
        _nextUri = new Uri(root + "invocation/next");
        _initErrorUri = new Uri(root + "init/error");
        _invocationBase = root + "invocation/";
        _http = new HttpClient(CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("tenancy-lambda", "1.0"));
    }

    /// <summary>Long-polls for the next event. Throws <see cref="RuntimeApiException"/> when Lambda says the runtime must exit.</summary>
    public async Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(_nextUri, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new RuntimeApiException($"GET next answered {(int)response.StatusCode}: {body}");
        }

        var headers = response.Headers;
        var requestId = Header(headers, RuntimeApiHeaders.AwsRequestId)
            ?? throw new RuntimeApiException("GET next answered without a Lambda-Runtime-Aws-Request-Id header.");
        var deadline = ParseDeadline(Header(headers, RuntimeApiHeaders.DeadlineMs));
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var context = new LambdaInvocationContext(
            requestId,
            deadline,
            Header(headers, RuntimeApiHeaders.InvokedFunctionArn) ?? string.Empty,
            _function,
            traceId: Header(headers, RuntimeApiHeaders.TraceId),
            clientContextJson: Header(headers, RuntimeApiHeaders.ClientContext),
            cognitoIdentityJson: Header(headers, RuntimeApiHeaders.CognitoIdentity),
            tenantId: Header(headers, RuntimeApiHeaders.TenantId),
            invocationId: Header(headers, RuntimeApiHeaders.InvocationId),
            timeProvider: _timeProvider);
        return new RuntimeInvocation(payload, context);
    }

    /// <summary>Posts the handler's result. 410 and 413 come back as outcomes, not exceptions, so the loop can go on.</summary>
    public async Task<RuntimeApiOutcome> SendResponseAsync(LambdaInvocationContext context, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var content = new ReadOnlyMemoryContent(payload);
        content.Headers.ContentType = JsonContentType;
        return await PostAsync(InvocationUri(context, "/response"), context, content, errorType: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reports a failed invocation with the error payload and the <c>Lambda-Runtime-Function-Error-Type</c> header.</summary>
    public async Task<RuntimeApiOutcome> SendErrorAsync(LambdaInvocationContext context, LambdaErrorPayload error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        using var content = new ByteArrayContent(error.ToUtf8Json());
        content.Headers.ContentType = ErrorContentType;
        return await PostAsync(InvocationUri(context, "/error"), context, content, error.ErrorType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reports an initialisation failure; the process should exit afterwards.</summary>
    public async Task<RuntimeApiOutcome> SendInitErrorAsync(LambdaErrorPayload error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var content = new ByteArrayContent(error.ToUtf8Json());
        content.Headers.ContentType = ErrorContentType;
        return await PostAsync(_initErrorUri, context: null, content, error.ErrorType, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<RuntimeApiOutcome> PostAsync(Uri uri, LambdaInvocationContext? context, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }

        // Echoed only when Lambda sent one, so a stale response can never be matched to a later invocation.
        if (context?.InvocationId is { Length: > 0 } invocationId)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.InvocationId, invocationId);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Accepted or HttpStatusCode.OK => RuntimeApiOutcome.Accepted,
            HttpStatusCode.Gone => RuntimeApiOutcome.InvocationGone,
            HttpStatusCode.RequestEntityTooLarge => RuntimeApiOutcome.PayloadTooLarge,
            >= HttpStatusCode.InternalServerError => throw new RuntimeApiException(
                $"POST {uri.AbsolutePath} answered {(int)response.StatusCode}: the container is in a non-recoverable state."),
            _ => RuntimeApiOutcome.Rejected,
        };
    }

    private Uri InvocationUri(LambdaInvocationContext context, string action) =>
        new(_invocationBase + Uri.EscapeDataString(context.AwsRequestId) + action);

    private static DateTimeOffset ParseDeadline(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : throw new RuntimeApiException($"GET next answered with an unreadable Lambda-Runtime-Deadline-Ms header '{value}'.");

    // NonValidated: the values are taken verbatim, never parsed or split on commas.
    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,

        // Client context and Cognito identity may carry non-ASCII text (aws-lambda-dotnet#1231).
        RequestHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        ResponseHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
    };
}
