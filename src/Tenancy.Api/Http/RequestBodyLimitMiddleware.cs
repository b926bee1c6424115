using Microsoft.AspNetCore.Http.Features;

namespace Tenancy.Api.Http;

/// <summary>
/// Caps request bodies at the configured size on every server (Kestrel or the Lambda server): a declared
/// <c>Content-Length</c> over the cap is refused before anything is read; a body without one (chunked) is read here,
/// up to the cap, before any endpoint sees it, so an oversized body is always a 413 and never a partial read.
/// </summary>
public sealed class RequestBodyLimitMiddleware
{
    private readonly RequestDelegate _next;
    private readonly long _maxBytes;

    public RequestBodyLimitMiddleware(RequestDelegate next, long maxBytes)
    {
        _next = next;
        _maxBytes = maxBytes;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _maxBytes)
        {
            throw TooLarge();
        }

        var serverLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (serverLimit is { IsReadOnly: false })
        {
            serverLimit.MaxRequestBodySize = _maxBytes;
        }

        if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            // Buffer the unknown-length body now (small by construction) and replay it to the endpoint.
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxBytes)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            request.Body = buffer;
            context.Response.RegisterForDispose(buffer);
        }

        await _next(context).ConfigureAwait(false);
    }

    private BadHttpRequestException TooLarge() =>
        new($"The request body is larger than {_maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
}
