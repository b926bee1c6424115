using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tenancy.Lambda.Runtime;

/// <summary>
/// next → handler → response/error, one invocation at a time, until the stopping token fires (SIGTERM) or the Runtime
/// API says the container is unusable. A timed-out invocation (410), an oversize result or a handler exception never
/// ends the loop.
/// </summary>
public sealed class LambdaRuntimeLoop
{
    private static int _pollStarted;

    private readonly RuntimeApiClient _client;
    private readonly ILambdaInvocationHandler _handler;
    private readonly LambdaRuntimeOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the loop; without a logger, runtime failures are not logged.</summary>
    public LambdaRuntimeLoop(RuntimeApiClient client, ILambdaInvocationHandler handler, LambdaRuntimeOptions options, ILogger? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>True once any loop in the process asked for an event: failures before that are init failures.</summary>
    public static bool HasPolled => Volatile.Read(ref _pollStarted) != 0;

    /// <summary>Asks for events and invokes the handler until <paramref name="stoppingToken"/> is cancelled, the Runtime API goes away, or <see cref="LambdaRuntimeOptions.RunOnce"/> is set and one event was handled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            RuntimeInvocation invocation;
            try
            {
                Volatile.Write(ref _pollStarted, 1);
                invocation = await _client.GetNextInvocationAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            await InvokeOnceAsync(invocation).ConfigureAwait(false);
            if (_options.RunOnce)
            {
                return;
            }
        }

        RuntimeLog.Stopping(_logger);
    }

    /// <summary>Handles one event. Posting is not cancellable: Lambda only sends SIGTERM between invocations.</summary>
    public async Task InvokeOnceAsync(RuntimeInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var context = invocation.Context;
        LambdaInvocationContext.Current = context;
        using var activity = InvocationTracing.Begin(context);
        using var deadline = new CancellationTokenSource(TimeUntilCancellation(context), _options.TimeProvider);
        try
        {
            LambdaResponse response;
            try
            {
                response = await _handler.InvokeAsync(invocation.Payload, context, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                var error = LambdaErrorPayload.FromException(exception);
                RuntimeLog.InvocationFailed(_logger, context.AwsRequestId, error.ErrorType, exception);
                Report(context, await _client.SendErrorAsync(context, error, CancellationToken.None).ConfigureAwait(false), "error");
                return;
            }

            await DeliverAsync(context, response).ConfigureAwait(false);
        }
        finally
        {
            LambdaInvocationContext.Current = null;
        }
    }

    private async Task DeliverAsync(LambdaInvocationContext context, LambdaResponse response)
    {
        if (response.Payload.Length > _options.MaxResponseBytes)
        {
            // Posting it would get a 413 and leave the invocation without an answer; an error is a clear one.
            RuntimeLog.ResponseTooLarge(_logger, context.AwsRequestId, response.Payload.Length, _options.MaxResponseBytes);
            var error = new LambdaErrorPayload(
                "Function.ResponseSizeTooLarge",
                string.Create(CultureInfo.InvariantCulture, $"Response payload size ({response.Payload.Length} bytes) exceeded maximum allowed payload size ({_options.MaxResponseBytes} bytes)."),
                []);
            Report(context, await _client.SendErrorAsync(context, error, CancellationToken.None).ConfigureAwait(false), "error");
        }
        else
        {
            Report(context, await _client.SendResponseAsync(context, response.Payload, CancellationToken.None).ConfigureAwait(false), "response");
        }

        if (response.AfterResponseSent is { } afterSent)
        {
            try
            {
                await afterSent().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                RuntimeLog.AfterResponseFailed(_logger, context.AwsRequestId, exception);
            }
        }
    }

    // 413 is not followed by /error: Lambda already failed the invocation and would answer 403 (bref#1483).
    private void Report(LambdaInvocationContext context, RuntimeApiOutcome outcome, string kind)
    {
        switch (outcome)
        {
            case RuntimeApiOutcome.InvocationGone:
                RuntimeLog.InvocationGone(_logger, context.AwsRequestId, kind);
                break;
            case RuntimeApiOutcome.PayloadTooLarge:
                RuntimeLog.PayloadTooLarge(_logger, context.AwsRequestId, kind);
                break;
            case RuntimeApiOutcome.Rejected:
                RuntimeLog.Rejected(_logger, context.AwsRequestId, kind);
                break;
        }
    }

    private TimeSpan TimeUntilCancellation(LambdaInvocationContext context)
    {
        var remaining = context.Deadline - _options.TimeProvider.GetUtcNow() - _options.DeadlineMargin;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }
}
