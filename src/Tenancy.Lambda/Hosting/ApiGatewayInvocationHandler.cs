using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tenancy.Lambda.Hosting.Events;
using Tenancy.Lambda.Hosting.Features;
using Tenancy.Lambda.Hosting.Marshalling;
using Tenancy.Lambda.Runtime;

namespace Tenancy.Lambda.Hosting;

/// <summary>
/// One API Gateway event through the ASP.NET Core pipeline: event → features → application → response event.
/// Order: pipeline; <c>OnStarting</c> (at the first body write, or at the end); response event; after it was posted,
/// <c>OnCompleted</c> and the context's disposal. Failures the app did not handle become problem details.
/// </summary>
internal sealed class ApiGatewayInvocationHandler<TContext> : ILambdaInvocationHandler where TContext : notnull
{
    private readonly IHttpApplication<TContext> _application;
    private readonly LambdaEventSource _eventSource;
    private readonly ApiGatewayResponseWriter _responseWriter;
    private readonly ILogger _logger;

    public ApiGatewayInvocationHandler(IHttpApplication<TContext> application, LambdaHostingOptions options, ILogger logger)
    {
        _application = application;
        _eventSource = options.EventSource;
        _responseWriter = new ApiGatewayResponseWriter(options.EventSource, new ResponseEncodingSelector(options));
        _logger = logger;
    }

    public async Task<LambdaResponse> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        LambdaInvocationContext.Current = context;
        var features = CreateFeatures(payload.Span, context, cancellationToken);
        var httpContext = _application.CreateContext(features.Collection);
        Exception? failure = null;
        try
        {
            await _application.ProcessRequestAsync(httpContext).ConfigureAwait(false);
            await features.CompleteAsync().ConfigureAwait(false);
            EnsureContentLengthMatches(features);
        }
        catch (Exception exception)
        {
            failure = exception;
            await AnswerFailureAsync(features, exception, cancellationToken).ConfigureAwait(false);
        }

        var response = _responseWriter.Write(features);
        return new LambdaResponse(response, () => CompleteAsync(features, httpContext, failure));
    }

    private LambdaHttpFeatures CreateFeatures(ReadOnlySpan<byte> payload, LambdaInvocationContext context, CancellationToken deadline)
    {
        // Tolerate a UTF-8 byte order mark (saved sample events have one; Lambda never sends it).
        if (payload.StartsWith("\uFEFF"u8))
        {
            payload = payload[3..];
        }

        LambdaHttpFeatures features;
        if (_eventSource == LambdaEventSource.RestApi)
        {
            var request = JsonSerializer.Deserialize(payload, ApiGatewayEventJsonContext.Default.RestApiRequest)
                ?? throw new JsonException("The event is JSON null, not a REST API proxy event.");
            features = new LambdaHttpFeatures(context, request, deadline);
            RestApiRequestMarshaller.Apply(request, features);
        }
        else
        {
            var request = JsonSerializer.Deserialize(payload, ApiGatewayEventJsonContext.Default.HttpApiRequest)
                ?? throw new JsonException("The event is JSON null, not an HTTP API event.");
            features = new LambdaHttpFeatures(context, request, deadline);
            HttpApiRequestMarshaller.Apply(request, features);
        }

        features.Register();
        return features;
    }

    private async Task AnswerFailureAsync(LambdaHttpFeatures features, Exception exception, CancellationToken deadline)
    {
        var status = exception is OperationCanceledException && deadline.IsCancellationRequested
            ? StatusCodes.Status504GatewayTimeout
            : StatusCodes.Status500InternalServerError;
        HostingLog.UnhandledException(_logger, features.Method, features.PathBase + features.Path, status, exception);

        // Whatever the app wrote is discarded: a half-written body is never sent.
        features.ResetResponse(status);
        if (!features.HasStarted)
        {
            try
            {
                await features.StartAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception startingFailure)
            {
                HostingLog.UnhandledException(_logger, features.Method, features.PathBase + features.Path, status, startingFailure);
            }

            features.ResetResponse(status);
        }

        ProblemResponses.Write(features, status);
    }

    private static void EnsureContentLengthMatches(LambdaHttpFeatures features)
    {
        if (features.ResponseHeaders.ContentLength is { } declared
            && declared != features.ResponseBuffer.WrittenLength
            && !HttpMethods.IsHead(features.Method))
        {
            throw new InvalidOperationException(
                $"Response Content-Length mismatch: {declared} declared, {features.ResponseBuffer.WrittenLength} written.");
        }
    }

    private async Task CompleteAsync(LambdaHttpFeatures features, TContext httpContext, Exception? failure)
    {
        try
        {
            await features.RunOnCompletedAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            HostingLog.OnCompletedFailed(_logger, exception);
        }
        finally
        {
            _application.DisposeContext(httpContext, failure);
            features.Dispose();
        }
    }
}
