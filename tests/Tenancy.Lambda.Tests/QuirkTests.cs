using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Lambda.Hosting;
using Tenancy.Lambda.Tests.Infrastructure;
using Tenancy.Testing.Events;
using Tenancy.Testing.Lambda;

namespace Tenancy.Lambda.Tests;

/// <summary>
/// One test per deliberate deviation from Amazon.Lambda.AspNetCoreServer (quirk numbers from
/// lambda-hosting.md §2.10). Quirk 12 (raw claim names) and 15 (ALB only) are matched or not applicable.
/// </summary>
public sealed class QuirkTests : IAsyncLifetime
{
    private const string Rest = "api/rest-v1/rest-v1-proxy_cognito-userpool-authorizer-claims_stage-Prod__aws-lambda-dotnet.json";
    private const string Http = "api/http-v2/http-v2_no-authorizer__aws-lambda-go.json";
    private TestApp _rest = null!;
    private TestApp _http = null!;

    public async Task InitializeAsync()
    {
        _rest = await TestApp.StartAsync(LambdaEventSource.RestApi);
        _http = await TestApp.StartAsync(LambdaEventSource.HttpApi);
    }

    public async Task DisposeAsync()
    {
        await _rest.DisposeAsync();
        await _http.DisposeAsync();
    }

    [Fact]
    public async Task Quirk01_HttpApiHeaderValuesAreNotSplitOnCommas()
    {
        await _http.InvokeAsync(SampleEvents.Modified(Http, e =>
        {
            e["headers"]!["user-agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)";
            e["headers"]!["if-modified-since"] = "Wed, 21 Oct 2015 07:28:00 GMT";
        }));

        Assert.Equal(["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"], _http.Seen!.Header("User-Agent"));
        Assert.Equal(["Wed, 21 Oct 2015 07:28:00 GMT"], _http.Seen.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task Quirk02_HttpApiStageIsStrippedOnlyAtASegmentBoundary()
    {
        await _http.InvokeAsync(SampleEvents.Modified(Http, e =>
        {
            e["rawPath"] = "/betamax/x";
            e["requestContext"]!["stage"] = "beta";
            e["requestContext"]!["http"]!["path"] = "/betamax/x";
        }));

        Assert.Equal("", _http.Seen!.PathBase);
        Assert.Equal("/betamax/x", _http.Seen.Path);
    }

    [Fact]
    public async Task Quirk03_RestApiQueryKeysAreReEncodedLikeValues()
    {
        await _rest.InvokeAsync(SampleEvents.Modified(Rest, e => e["queryStringParameters"] = new JsonObject { ["a&b=c"] = "1", ["plain"] = "x y" }));

        Assert.Equal(["1"], _rest.Seen!.Query["a&b=c"]);
        Assert.Equal(["x y"], _rest.Seen.Query["plain"]);
    }

    [Fact]
    public async Task Quirk04_HttpApiLambdaAuthorizerContextBecomesClaimsAndAnEmptyAuthorizerIsAnonymous()
    {
        await _http.InvokeAsync(SampleEvents.Bytes("api/http-v2/http-v2_lambda-authorizer__aws-lambda-dotnet-events.json"));
        Assert.True(_http.Seen!.User.Identity!.IsAuthenticated);
        Assert.Equal("value", _http.Seen.Claim("key"));

        await _http.InvokeAsync(SampleEvents.Modified(Http, e => e["requestContext"]!["authorizer"] = new JsonObject()));
        Assert.False(_http.Seen!.User.Identity?.IsAuthenticated ?? false);
    }

    [Fact]
    public async Task Quirk05_NoContentTypeIsWrittenWhenTheAppSetNone()
    {
        var response = await _rest.InvokeAsync(SampleEvents.Modified(Rest, e => e["pathParameters"]!["proxy"] = "redirect"));

        Assert.False(response["multiValueHeaders"]!.AsObject().ContainsKey("Content-Type"));
    }

    [Fact]
    public async Task Quirk06_UnknownContentTypesAreBase64NotCorruptedText()
    {
        var response = await _rest.InvokeAsync(SampleEvents.Modified(Rest, e => e["pathParameters"]!["proxy"] = "spreadsheet"));

        Assert.True((bool)response["isBase64Encoded"]!);
        Assert.Equal(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE }, Convert.FromBase64String((string)response["body"]!));
    }

    [Theory]
    [InlineData("text/csv", "a,b", true)]
    [InlineData("application/x-custom", "hello", false)]
    public async Task Quirk06_BinaryTypesAndTheDefaultEncodingAreConfigurable(string contentType, string body, bool base64)
    {
        await using var configured = await TestApp.StartAsync(LambdaEventSource.RestApi, o =>
        {
            o.BinaryContentTypes.Add("text/csv");
            o.DefaultEncoding = ResponseBodyEncoding.Text;
        });
        var response = await configured.InvokeAsync(SampleEvents.Modified(Rest, e =>
        {
            e["pathParameters"]!["proxy"] = "echo";
            e["httpMethod"] = "POST";
            e["headers"]!["Content-Type"] = contentType;
            e["body"] = body;
        }));

        Assert.Equal(base64, (bool)response["isBase64Encoded"]!);
        Assert.Equal(body, base64 ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)response["body"]!)) : (string)response["body"]!);
    }

    [Fact]
    public async Task Quirk10_AnInvalidClientCertificateReadsAsNoneInsteadOfFailingTheInvocation()
    {
        var response = await _http.InvokeAsync(SampleEvents.Bytes("api/http-v2/http-v2_jwt-authorizer_truncated-clientcert__aws-lambda-go.json"));

        Assert.Equal(200, (int)response["statusCode"]!);
        Assert.Null(_http.Seen!.ClientCertificate);
    }

    [Fact]
    public async Task Quirk11_ForwardedPortIsReadCaseInsensitivelyAndGarbageIsIgnored()
    {
        await _http.InvokeAsync(SampleEvents.Bytes(Http));
        Assert.Equal(443, _http.Seen!.RemotePort);

        var response = await _rest.InvokeAsync(SampleEvents.Modified(Rest, e => e["headers"]!["X-Forwarded-Port"] = "not-a-port"));
        Assert.Equal(0, _rest.Seen!.RemotePort);
        Assert.Equal(200, (int)response["statusCode"]!);
    }

    [Fact]
    public async Task Quirk13_ContentTypeLookupIsCaseInsensitive()
    {
        var response = await _rest.InvokeAsync(SampleEvents.Modified(Rest, e => e["pathParameters"]!["proxy"] = "upper-case-image"));

        Assert.True((bool)response["isBase64Encoded"]!);
    }

    [Fact]
    public async Task Quirk14_OnStartingRunsAtTheFirstWriteAndOnCompletedAfterTheResponseInReverseOrder()
    {
        var response = await _rest.InvokeAsync(SampleEvents.Modified(Rest, e => e["pathParameters"]!["proxy"] = "lifecycle"));

        Assert.Equal(
            ["before-write", "starting-2", "starting-1", "after-write started=True", "headers-locked", "completed-2", "completed-1"],
            _rest.Lifecycle);
        Assert.Equal("yes", (string)response["multiValueHeaders"]!["X-Started"]![0]!);
        Assert.Null(response["multiValueHeaders"]!["X-Too-Late"]);
        Assert.Equal("body", (string)response["body"]!);
    }

    [Fact]
    public async Task Quirk14_OnStartingStillRunsForAResponseWithoutABody()
    {
        var response = await _rest.InvokeAsync(SampleEvents.Modified(Rest, e => e["pathParameters"]!["proxy"] = "lifecycle-empty"));

        Assert.Equal(["handler", "starting"], _rest.Lifecycle);
        Assert.Equal(202, (int)response["statusCode"]!);
        Assert.Equal("yes", (string)response["multiValueHeaders"]!["X-Started"]![0]!);
    }

    [Fact]
    public async Task Quirk09_RequestAbortedFiresBeforeTheDeadlineAndAnswers504()
    {
        var response = await _http.InvokeAsync(
            SampleEvents.Modified(Http, e => { e["rawPath"] = "/slow"; e["requestContext"]!["http"]!["path"] = "/slow"; }),
            TestApp.Context("req-slow", TimeSpan.FromMilliseconds(700)));

        Assert.Equal(504, (int)response["statusCode"]!);
        Assert.Equal("application/problem+json", (string)response["headers"]!["Content-Type"]!);
    }

    [Fact]
    public async Task Quirk09_ProtocolComesFromTheEvent()
    {
        await _http.InvokeAsync(SampleEvents.Modified(Http, e => e["requestContext"]!["http"]!["protocol"] = "HTTP/2.0"));

        Assert.Equal("HTTP/2.0", _http.Seen!.Protocol);
    }

    [Fact]
    public async Task PartialBodies_AnExceptionAfterTheFirstWriteSendsProblemDetailsNotHalfABody()
    {
        var response = await _rest.InvokeAsync(SampleEvents.Modified(Rest, e => e["pathParameters"]!["proxy"] = "throw-after-write"));
        var body = (string)response["body"]!;

        Assert.Equal(500, (int)response["statusCode"]!);
        Assert.DoesNotContain("partial", body, StringComparison.Ordinal);
        Assert.Equal(500, (int)JsonNode.Parse(body)!["status"]!);
    }

    [Fact]
    public async Task Quirk07_08_InLambdaModeStartCompletesApplicationStartedFiresAndOversizeResponsesDoNotCrash()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddLambdaServer(LambdaEventSource.RestApi, o => o.Runtime.RuntimeApiAddress = api.Address);
        await using var app = builder.Build();
        var started = false;
        app.Lifetime.ApplicationStarted.Register(() => started = true);
        app.MapGet("/big", () => Results.Text(new string('x', 7 * 1024 * 1024)));
        app.MapFallback((HttpContext context) => Results.Text(context.GetLambdaInvocationContext()?.AwsRequestId ?? "none"));

        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(started);
        Assert.IsType<LambdaServer>(app.Services.GetRequiredService<IServer>());

        var big = await api.Enqueue(SampleEvents.Modified(Rest, e => e["pathParameters"]!["proxy"] = "big"));
        var script = new ScriptedInvocation();
        var after = await api.Enqueue(SampleEvents.Bytes(Rest), script);

        Assert.Equal("error", big.Kind);
        Assert.Equal("Function.ResponseSizeTooLarge", big.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal(script.RequestId, (string)JsonNode.Parse(after.Body)!["body"]!);
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Registration_outside_lambda_leaves_kestrel_in_place()
    {
        Assert.Null(Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddLambdaHosting(LambdaEventSource.RestApi);
        await using var app = builder.Build();

        Assert.IsNotType<LambdaServer>(app.Services.GetRequiredService<IServer>());
        Assert.Contains("Kestrel", app.Services.GetRequiredService<IServer>().GetType().Name, StringComparison.Ordinal);
    }
}
