using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>
/// Every request to the local cloud's one port goes through the same steps: find the service (the first registered
/// one that recognises it), count it, verify SigV4, parse it, run its IAM checks, dispatch it, and write any
/// <see cref="AwsServiceException"/> in that service's protocol. Services only parse and handle.
/// </summary>
public sealed class LocalRequestPipeline
{
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    private readonly IReadOnlyList<ILocalService> _services;
    private readonly SigV4Verifier _verifier;
    private readonly AccessAuthorizer _authorizer;
    private readonly LocalCloudCounters _counters;
    private readonly LocalFaults _faults;

    public LocalRequestPipeline(IReadOnlyList<ILocalService> services, SigV4Verifier verifier, AccessAuthorizer authorizer, LocalCloudCounters counters, LocalFaults? faults = null)
    {
        _services = services;
        _verifier = verifier;
        _authorizer = authorizer;
        _counters = counters;
        _faults = faults ?? new LocalFaults();
    }

    /// <summary>The fault switches (none set unless a test sets them).</summary>
    public LocalFaults Faults => _faults;

    /// <summary>The services in recognition order.</summary>
    public IReadOnlyList<ILocalService> Services => _services;

    public async Task HandleAsync(HttpContext context)
    {
        var service = Recognize(context.Request);
        if (service is null)
        {
            await RefuseUnknownAsync(context).ConfigureAwait(false);
            return;
        }

        string? operation = null;
        try
        {
            var body = await ReadBodyAsync(context).ConfigureAwait(false)
                ?? throw new AwsServiceException(413, "RequestEntityTooLarge", "Request body too large.");
            operation = service.OperationOf(context.Request, body);
            _counters.Increment($"{service.Name}:{operation}");
            if (_faults.For(service.Name, operation) is { } fault)
            {
                _counters.Increment($"fault:{service.Name}:{operation}");
                throw LocalFaults.ErrorFor(service.Name, fault);
            }

            var call = new LocalServiceCall(context, body, operation, service, _authorizer);
            if (service.RequiresSignature(operation))
            {
                var verified = _verifier.Verify(context.Request, body);
                call.Caller = verified.Succeeded ? verified.Principal : throw service.Protocol.SignatureError(verified.Failure, verified.Message);
            }

            var parsed = await service.ParseAsync(call).ConfigureAwait(false);
            foreach (var check in parsed.AccessChecks)
            {
                call.Authorize(check.Action, check.Resource, check.Keys);
            }

            await service.HandleAsync(call, parsed).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (!context.Response.HasStarted)
        {
            if (service.Protocol.IsAccessDenied(ex))
            {
                _counters.Increment($"denied:{service.Name}:{operation}");
                _counters.Increment($"denied:{service.Name}");
            }

            await service.Protocol.WriteErrorAsync(context, ex).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            // Never a stack trace to the caller: AWS's generic 500 (the SDK retries or surfaces it).
            context.Response.Clear();
            await service.Protocol.WriteErrorAsync(context, new AwsServiceException("The local cloud failed to process the request.")).ConfigureAwait(false);
        }
    }

    private ILocalService? Recognize(HttpRequest request)
    {
        var scopeService = SigV4AuthorizationHeader.ServiceOf(request.Headers.Authorization.ToString());
        foreach (var service in _services)
        {
            if (service.Recognizes(request, scopeService))
            {
                return service;
            }
        }

        return null;
    }

    private static Task RefuseUnknownAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return AwsProtocol.GenericJson.WriteErrorAsync(context, new AwsServiceException(400, "UnknownOperationException", "The local cloud serves no service for this request."));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
