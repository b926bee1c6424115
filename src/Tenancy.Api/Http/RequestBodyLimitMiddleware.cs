using Microsoft.AspNetCore.Http.Features;

namespace Tenancy.Api.Http;

/// <summary>
/// Caps request bodies at the configured size on every server: a declared <c>Content-Length</c> over the cap is
/// refused before the body is read, and a body without one (chunked) is cut off with 413 when it passes the cap.
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

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _maxBytes)
        {
            throw new BadHttpRequestException($"The request body is larger than {_maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        var serverLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (serverLimit is { IsReadOnly: false })
        {
            serverLimit.MaxRequestBodySize = _maxBytes;
        }

        if (context.Request.ContentLength is null && context.Request.Body is { } body && body != Stream.Null)
        {
            context.Request.Body = new LengthLimitedStream(body, _maxBytes);
        }

        return _next(context);
    }
}
