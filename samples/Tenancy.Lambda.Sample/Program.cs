using System.Text.Json.Serialization;
using Tenancy.Lambda;
using Tenancy.Lambda.Hosting;
using Tenancy.Lambda.Runtime;

// One app for `dotnet run` (Kestrel) and Lambda (AWS_LAMBDA_RUNTIME_API set): only the server differs.
return await LambdaInitErrorReporter.RunAsync(async () =>
{
    // In Lambda the empty builder skips what the function never uses (appsettings files and their watchers, console
    // logging, Kestrel), which is most of ASP.NET Core's init cost; locally the slim builder runs it on Kestrel.
    var builder = LambdaEnvironment.IsLambda
        ? WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args })
        : WebApplication.CreateSlimBuilder(args);
    builder.Services.AddRoutingCore();
    var eventSource = Environment.GetEnvironmentVariable("SAMPLE_EVENT_SOURCE") == "HttpApi" ? LambdaEventSource.HttpApi : LambdaEventSource.RestApi;
    builder.Services.AddLambdaHosting(eventSource);
    builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJson.Default));
    if (Environment.GetEnvironmentVariable("SAMPLE_FAIL_INIT") == "1")
    {
        throw new InvalidOperationException("SAMPLE_FAIL_INIT is set: configuration rejected at start-up.");
    }

    var app = builder.Build();
    app.MapGet("/hello/{name}", (string name, HttpContext context) =>
        new Greeting($"Hello {name}", context.GetLambdaInvocationContext()?.AwsRequestId, LambdaInvocationContext.Current?.TenantId, context.User.FindFirst("sub")?.Value));
    app.MapPost("/echo", async (HttpRequest request) =>
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return Results.Bytes(body.ToArray(), request.ContentType ?? "application/octet-stream");
    });
    app.MapGet("/binary/{size:int}", (int size) => Results.Bytes(Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray(), "image/png"));
    app.MapGet("/fail", string () => throw new InvalidOperationException("secret: the database password is hunter2"));
    app.MapGet("/slow", async (HttpContext context) =>
    {
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
        return "unreachable";
    });
    app.MapGet("/big", () => Results.Text(new string('x', 7 * 1024 * 1024)));
    await app.RunAsync();
});

internal sealed record Greeting(string Message, string? RequestId, string? TenantId, string? Subject);

[JsonSerializable(typeof(Greeting))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class SampleJson : JsonSerializerContext;
