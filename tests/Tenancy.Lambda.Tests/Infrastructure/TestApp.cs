using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Lambda.Hosting;

namespace Tenancy.Lambda.Tests.Infrastructure;

/// <summary>
/// A small minimal API on <see cref="LambdaServer"/>, invoked in-process with real events. The first middleware records
/// what the app saw; the endpoints produce the responses the golden tests look at.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, LambdaServer server)
    {
        _app = app;
        Server = server;
    }

    public LambdaServer Server { get; }

    public SeenRequest? Seen { get; private set; }

    public List<string> Lifecycle { get; } = [];

    public static async Task<TestApp> StartAsync(LambdaEventSource source, Action<LambdaHostingOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddLambdaServer(source, options =>
        {
            options.Runtime.RuntimeApiAddress = null;
            configure?.Invoke(options);
        });
        var app = builder.Build();
        var server = (LambdaServer)app.Services.GetRequiredService<IServer>();
        var testApp = new TestApp(app, server);
        testApp.Configure();
        await app.StartAsync();
        return testApp;
    }

    public static LambdaInvocationContext Context(string requestId = "req-1", TimeSpan? timeout = null, string? traceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1") =>
        new(requestId, DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)), "arn:aws:lambda:eu-west-1:123456789012:function:api",
            new LambdaFunctionSettings("api", "$LATEST", 512, "/aws/lambda/api", "stream", "eu-west-1"), traceId: traceId);

    /// <summary>Invokes like the loop does (including the after-response work) and parses the response event.</summary>
    public async Task<JsonObject> InvokeAsync(byte[] payload, LambdaInvocationContext? context = null, CancellationToken cancellationToken = default)
    {
        context ??= Context();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(context.RemainingTime - TimeSpan.FromMilliseconds(100));
        var response = await Server.InvokeAsync(payload, context, deadline.Token);
        if (response.AfterResponseSent is { } afterSent)
        {
            await afterSent();
        }

        return JsonNode.Parse(response.Payload.Span)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Configure()
    {
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            var request = context.Features.Get<IHttpRequestFeature>()!;
            Seen = new SeenRequest(
                context.Request.Method,
                context.Request.Scheme,
                context.Request.Protocol,
                context.Request.PathBase.Value ?? string.Empty,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                request.RawTarget,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.OrdinalIgnoreCase),
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray()),
                context.Request.Cookies.ToDictionary(c => c.Key, c => c.Value),
                body,
                context.Request.ContentLength,
                context.User,
                context.Connection.RemoteIpAddress?.ToString(),
                context.Connection.RemotePort,
                context.TraceIdentifier,
                context.GetLambdaInvocationContext(),
                LambdaInvocationContext.Current,
                await context.Connection.GetClientCertificateAsync(),
                context.RequestAborted.CanBeCanceled);
            await next(context);
        });

        _app.MapGet("/binary", () => Results.Bytes(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), "application/octet-stream"));
        _app.MapGet("/spreadsheet", () => Results.Bytes([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        _app.MapGet("/upper-case-image", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0xC3], "IMAGE/PNG"));
        _app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy);
            return Results.Bytes(copy.ToArray(), request.ContentType ?? "application/octet-stream");
        });
        _app.MapGet("/cookies", (HttpResponse response) =>
        {
            response.Cookies.Append("session", "abc", new CookieOptions { HttpOnly = true, Path = "/" });
            response.Cookies.Append("theme", "dark");
            response.Headers.Append("X-Multi", "one");
            response.Headers.Append("X-Multi", "two");
            return Results.Text("with cookies");
        });
        _app.MapDelete("/items/{id}", () => Results.StatusCode(StatusCodes.Status204NoContent));
        _app.MapGet("/redirect", () => Results.Redirect("/elsewhere"));
        _app.MapGet("/teapot", () => Results.Text("short and stout", statusCode: 418));
        _app.MapGet("/throw", string () => throw new InvalidOperationException("connection string Server=secret-db;Password=hunter2"));
        _app.MapGet("/throw-after-write", async (HttpResponse response) =>
        {
            await response.WriteAsync("{\"partial\":");
            throw new InvalidOperationException("broke mid-body");
        });
        _app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return "never";
        });
        _app.MapGet("/wrong-length", async (HttpResponse response) =>
        {
            response.ContentLength = 10;
            await response.WriteAsync("abc");
        });
        _app.MapGet("/lifecycle", async (HttpContext context) =>
        {
            context.Response.OnStarting(() => { Lifecycle.Add("starting-1"); context.Response.Headers["X-Started"] = "yes"; return Task.CompletedTask; });
            context.Response.OnStarting(() => { Lifecycle.Add("starting-2"); return Task.CompletedTask; });
            context.Response.OnCompleted(() => { Lifecycle.Add("completed-1"); return Task.CompletedTask; });
            context.Response.OnCompleted(() => { Lifecycle.Add("completed-2"); return Task.CompletedTask; });
            Lifecycle.Add("before-write");
            await context.Response.WriteAsync("body");
            Lifecycle.Add($"after-write started={context.Response.HasStarted}");
            try
            {
                context.Response.Headers["X-Too-Late"] = "1";
            }
            catch (InvalidOperationException)
            {
                Lifecycle.Add("headers-locked");
            }
        });
        _app.MapGet("/lifecycle-empty", (HttpContext context) =>
        {
            context.Response.OnStarting(() => { Lifecycle.Add("starting"); context.Response.Headers["X-Started"] = "yes"; return Task.CompletedTask; });
            Lifecycle.Add("handler");
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        _app.MapGet("/big", () => Results.Text(new string('x', 7 * 1024 * 1024)));
        _app.MapGet("/tenant", (HttpContext context) => Results.Json(new JsonObject
        {
            ["requestId"] = context.GetLambdaInvocationContext()?.AwsRequestId,
            ["current"] = LambdaInvocationContext.Current?.AwsRequestId,
        }));
        _app.MapFallback(() => Results.Text("ok"));
    }
}
