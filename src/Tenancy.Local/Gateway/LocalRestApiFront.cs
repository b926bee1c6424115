using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Tenancy.Local.Emulator.Services.ApiGateway;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Gateway;

/// <summary>
/// A local REST API front doing what API Gateway does for the template's API: the Lambda REQUEST authorizer (invoked
/// through the function invoker, its decision cached per identity source values for <c>ReauthorizeEvery</c>), the
/// gateway responses for missing/refused identities, the usage plan of the API key the authorizer returns, as the local
/// cloud's API Gateway store holds it (token bucket and DAY/WEEK/MONTH quota per key), then the REST v1 proxy event to the integration function and its proxy
/// response back to the client. Paths are served without the stage prefix, as <c>sam local start-api</c> does.
/// </summary>
public sealed class LocalRestApiFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RestApiDefinition _api;
    private readonly ILocalFunctionInvoker _invoker;
    private readonly IApiKeyUsagePlans _usagePlans;
    private readonly AuthorizerCache _cache;
    private readonly UsagePlanEnforcer _enforcer;
    private long _authorizerInvocations;

    private LocalRestApiFront(WebApplication app, RestApiDefinition api, ILocalFunctionInvoker invoker, IApiKeyUsagePlans usagePlans, TimeProvider time)
    {
        _app = app;
        _api = api;
        _invoker = invoker;
        _usagePlans = usagePlans;
        _cache = new AuthorizerCache(time, api.AuthorizerTtl);
        _enforcer = new UsagePlanEnforcer(time);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public RestApiDefinition Api => _api;

    /// <summary>How many times the authorizer function was invoked (cache misses).</summary>
    public long AuthorizerInvocations => Interlocked.Read(ref _authorizerInvocations);

    public static async Task<LocalRestApiFront> StartAsync(
        RestApiDefinition api,
        ILocalFunctionInvoker invoker,
        IApiKeyUsagePlans usagePlans,
        int port = 0,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(usagePlans);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            options.AddServerHeader = false;
            // API Gateway's payload limit.
            options.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
        });
        var app = builder.Build();
        var front = new LocalRestApiFront(app, api, invoker, usagePlans, time ?? TimeProvider.System);
        app.Run(front.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        front.BaseAddress = new Uri(address);
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var request = context.Request;
        var cancellationToken = context.RequestAborted;

        // The only resource is /{proxy+}: the root path has no method, which API Gateway reports as a missing token.
        if ((request.Path.Value ?? "/").Trim('/').Length == 0)
        {
            await WriteGatewayResponseAsync(context, "MISSING_AUTHENTICATION_TOKEN").ConfigureAwait(false);
            return;
        }

        AuthorizerDecision? decision = null;
        if (_api.AuthorizerFunction is { } authorizer)
        {
            var (outcome, authorized) = await AuthorizeAsync(context, authorizer, requestId, cancellationToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                await WriteGatewayResponseAsync(context, outcome).ConfigureAwait(false);
                return;
            }

            decision = authorized;
        }

        var apiKey = decision?.UsageIdentifierKey;
        if (_api.ApiKeyRequired || apiKey is not null)
        {
            var refusal = EnforceUsagePlan(apiKey);
            if (refusal is not null)
            {
                await WriteGatewayResponseAsync(context, refusal).ConfigureAwait(false);
                return;
            }
        }

        var proxyEvent = await ProxyEventBuilder.ProxyEventAsync(request, _api, requestId, decision, apiKey, cancellationToken).ConfigureAwait(false);
        var result = await _invoker.InvokeAsync(_api.IntegrationFunction, proxyEvent, cancellationToken).ConfigureAwait(false);
        if (result.IsFunctionError || !await ProxyResponseWriter.TryWriteAsync(context.Response, result.Payload, cancellationToken).ConfigureAwait(false))
        {
            // A function error or a malformed proxy response: API Gateway's 502, nothing of the error leaks.
            await WriteGatewayResponseAsync(context, "DEFAULT_5XX").ConfigureAwait(false);
        }
    }

    /// <summary>The gateway response type refusing the request, or null with the decision when the request may pass.</summary>
    private async Task<(string? Refusal, AuthorizerDecision? Decision)> AuthorizeAsync(HttpContext context, string authorizer, string requestId, CancellationToken cancellationToken)
    {
        var identityValues = _api.IdentityHeaders.Select(h => context.Request.Headers[h].ToString()).ToList();
        if (identityValues.Any(string.IsNullOrEmpty))
        {
            // A missing identity source is refused before any authorizer runs.
            return ("UNAUTHORIZED", null);
        }

        var cacheKey = string.Join('\n', identityValues);
        if (!_cache.TryGet(cacheKey, out var decision))
        {
            Interlocked.Increment(ref _authorizerInvocations);
            var result = await _invoker.InvokeAsync(authorizer, ProxyEventBuilder.AuthorizerEvent(context.Request, _api, requestId), cancellationToken).ConfigureAwait(false);
            if (result.IsFunctionError)
            {
                return (IsUnauthorized(result) ? "UNAUTHORIZED" : "AUTHORIZER_FAILURE", null);
            }

            decision = AuthorizerDecision.Parse(result.Payload)!;
            if (decision is null)
            {
                return ("AUTHORIZER_CONFIGURATION_ERROR", null);
            }

            _cache.Store(cacheKey, decision);
        }

        return decision.Allows(_api.MethodArn(context.Request.Method, context.Request.Path.Value ?? "/"))
            ? (null, decision)
            : ("ACCESS_DENIED", null);
    }

    // An unknown or disabled key, or one in no usage plan, is API Gateway's 403 Forbidden.
    private string? EnforceUsagePlan(string? apiKey)
    {
        if (apiKey is null || _usagePlans.FindByApiKeyValue(apiKey) is not { } plan)
        {
            return "INVALID_API_KEY";
        }

        return _enforcer.TryConsume(plan) switch
        {
            UsageDecision.Throttled => "THROTTLED",
            UsageDecision.QuotaExceeded => "QUOTA_EXCEEDED",
            _ => null,
        };
    }

    // An authorizer refuses with 401 by failing with the message "Unauthorized", which is how API Gateway tells it apart.
    private static bool IsUnauthorized(LocalInvocationResult result)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(result.Payload);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && document.RootElement.TryGetProperty("errorMessage", out var message)
                   && message.ValueKind == System.Text.Json.JsonValueKind.String
                   && message.GetString() == "Unauthorized";
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task WriteGatewayResponseAsync(HttpContext context, string type)
    {
        var response = _api.Response(type);
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers["x-amzn-ErrorType"] = type switch
        {
            "UNAUTHORIZED" => "UnauthorizedException",
            "ACCESS_DENIED" => "AccessDeniedException",
            "INVALID_API_KEY" or "MISSING_AUTHENTICATION_TOKEN" => "ForbiddenException",
            "THROTTLED" or "QUOTA_EXCEEDED" => "TooManyRequestsException",
            _ => "InternalServerErrorException",
        };
        await context.Response.WriteAsync(response.Body).ConfigureAwait(false);
    }
}
