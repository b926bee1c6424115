using System.Text.Json.Nodes;
using System.Text;
using Tenancy.Lambda.Hosting;
using Tenancy.Lambda.Tests.Infrastructure;
using Tenancy.Testing.Events;

namespace Tenancy.Lambda.Tests;

/// <summary>Real REST API (payload 1.0) events through <see cref="LambdaServer"/> into a minimal API.</summary>
public sealed class RestApiGoldenTests : IAsyncLifetime
{
    private const string Cognito = "api/rest-v1/rest-v1-proxy_cognito-userpool-authorizer-claims_stage-Prod__aws-lambda-dotnet.json";
    private const string Basic = "api/rest-v1/rest-v1-proxy_basic__aws-lambda-dotnet-events.json";
    private const string Mixed = "api/rest-v1/rest-v1-proxy_lambda-authorizer-context_mixed-types_clientcert__aws-lambda-go.json";
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(LambdaEventSource.RestApi);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Cognito_user_pool_claims_stage_and_connection_reach_the_app()
    {
        var response = await _app.InvokeAsync(SampleEvents.Bytes(Cognito));
        var seen = _app.Seen!;

        Assert.Equal("GET", seen.Method);
        Assert.Equal("https", seen.Scheme);
        Assert.Equal("HTTP/1.1", seen.Protocol);
        Assert.Equal("/Prod", seen.PathBase);
        Assert.Equal("/api/authtest", seen.Path);
        Assert.Equal("/api/authtest", seen.RawTarget);
        Assert.True(seen.User.Identity!.IsAuthenticated);
        Assert.Equal("AuthorizerIdentity", seen.User.Identity.AuthenticationType);
        Assert.Equal("true", seen.Claim("you_are_special"));
        Assert.Equal("Admin", seen.Claim("cognito:groups"));
        Assert.Equal("normj", seen.Claim("cognito:username"));
        Assert.Equal("50.35.77.7", seen.RemoteIp);
        Assert.Equal(443, seen.RemotePort);
        Assert.Equal(["zzqupfvhrk.execute-api.us-west-2.amazonaws.com"], seen.Header("Host"));
        Assert.Equal(["50.35.77.7, 52.46.17.45"], seen.Header("X-Forwarded-For"));
        Assert.Equal(0, seen.ContentLength);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", seen.TraceIdentifier);
        Assert.Equal("req-1", seen.FromHttpContext!.AwsRequestId);
        Assert.Same(seen.FromHttpContext, seen.FromCurrent);
        Assert.True(seen.RequestAbortedCanBeCanceled);

        Assert.Equal(200, (int)response["statusCode"]!);
        Assert.Equal("ok", (string)response["body"]!);
        Assert.False((bool)response["isBase64Encoded"]!);
        Assert.Equal("text/plain; charset=utf-8", (string)response["multiValueHeaders"]!["Content-Type"]![0]!);
    }

    [Fact]
    public async Task Lambda_authorizer_flat_context_becomes_claims()
    {
        await _app.InvokeAsync(SampleEvents.Bytes("api/rest-v1/rest-v1-proxy_lambda-authorizer-context-flat__aws-lambda-dotnet.json"));
        var seen = _app.Seen!;

        Assert.True(seen.User.Identity!.IsAuthenticated);
        Assert.Equal("true", seen.Claim("you_are_special"));
        Assert.Equal("1515973296", seen.Claim("auth_time"));
        Assert.Equal("/Prod", seen.PathBase);
    }

    [Fact]
    public async Task Lambda_authorizer_mixed_value_types_query_body_and_a_placeholder_client_certificate()
    {
        var response = await _app.InvokeAsync(SampleEvents.Bytes(Mixed));
        var seen = _app.Seen!;

        Assert.Equal("admin", seen.Claim("principalId"));
        Assert.Equal("1", seen.Claim("clientId"));
        Assert.Equal("Exata", seen.Claim("clientName"));
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/hello/world", seen.Path);
        Assert.Equal("", seen.PathBase);
        Assert.Equal("?name=me", seen.QueryString);
        Assert.Equal("/hello/world?name=me", seen.RawTarget);
        Assert.Equal("{\r\n\t\"a\": 1\r\n}", seen.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(seen.Body), seen.ContentLength);
        Assert.Equal(["application/json"], seen.Header("Content-Type"));
        Assert.Equal(["gzip, deflate"], seen.Header("Accept-Encoding"));

        // "CERT_CONTENT" is not a certificate: the request still runs, without one (quirk 10 below).
        Assert.Null(seen.ClientCertificate);
        Assert.Equal(200, (int)response["statusCode"]!);
    }

    [Fact]
    public async Task When_an_authorizer_sends_claims_and_context_the_claims_win()
    {
        await _app.InvokeAsync(SampleEvents.Bytes("api/rest-v1/rest-v1-proxy_lambda-authorizer-context-string-number-bool-plus-claims__aws-lambda-dotnet.json"));
        var seen = _app.Seen!;

        Assert.Equal("test-id", seen.Claim("sub"));
        Assert.Null(seen.Claim("stringKey"));
        Assert.Equal("/api/resourcepath/5", seen.Path);
    }

    [Theory]
    [InlineData(Basic, "POST", "/hello/world", "?name=me", false)]
    [InlineData("api/rest-v1/rest-v1-proxy_console-test-invoke__aws-lambda-rust-runtime.json", "POST", "/myPath", "", false)]
    [InlineData("api/rest-v1/rest-v1-proxy_sam-local__aws-lambda-rust-runtime.json", "GET", "/test", "", false)]
    [InlineData("api/rest-v1/rest-v1-proxy_openapi__aws-lambda-go.json", "POST", "/hello/world", "?name=me", true)]
    public async Task Every_sample_event_routes_and_answers(string file, string method, string path, string query, bool authenticated)
    {
        var response = await _app.InvokeAsync(SampleEvents.Bytes(file));
        var seen = _app.Seen!;

        Assert.Equal(method, seen.Method);
        Assert.Equal(path, seen.Path);
        Assert.Equal(query, seen.QueryString);
        Assert.Equal(authenticated, seen.User.Identity?.IsAuthenticated ?? false);
        Assert.Equal(200, (int)response["statusCode"]!);
    }

    [Fact]
    public async Task A_browser_accept_header_with_commas_stays_one_value()
    {
        await _app.InvokeAsync(SampleEvents.Bytes("api/rest-v1/rest-v1-proxy_sam-local__aws-lambda-rust-runtime.json"));

        var accept = Assert.Single(_app.Seen!.Header("Accept"));
        Assert.StartsWith("text/html,application/xhtml+xml,", accept, StringComparison.Ordinal);
        Assert.Equal(3000, _app.Seen.RemotePort);
    }

    [Fact]
    public async Task Multi_value_query_and_headers_keep_every_value()
    {
        var payload = SampleEvents.Modified(Basic, e =>
        {
            e["multiValueQueryStringParameters"] = new JsonObject { ["id"] = new JsonArray("1", "2"), ["q"] = new JsonArray("a b+c") };
            e["multiValueHeaders"] = new JsonObject
            {
                ["X-Multi"] = new JsonArray("one", "two"),
                ["Accept"] = new JsonArray("text/html, application/json"),
                ["Host"] = new JsonArray("api.example.com"),
            };
        });
        await _app.InvokeAsync(payload);
        var seen = _app.Seen!;

        Assert.Equal(["1", "2"], seen.Query["id"]);
        Assert.Equal(["a b+c"], seen.Query["q"]);
        Assert.Equal("?id=1&id=2&q=a+b%2Bc", seen.QueryString);
        Assert.Equal(["one", "two"], seen.Header("X-Multi"));
        Assert.Equal(["text/html, application/json"], seen.Header("Accept"));
    }

    [Fact]
    public async Task Binary_responses_by_content_type_are_base64()
    {
        var response = await _app.InvokeAsync(SampleEvents.Modified(Basic, e => { e["path"] = "/binary"; e["httpMethod"] = "GET"; e["resource"] = "/binary"; }));

        Assert.True((bool)response["isBase64Encoded"]!);
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), Convert.FromBase64String((string)response["body"]!));
        Assert.Equal("application/octet-stream", (string)response["multiValueHeaders"]!["Content-Type"]![0]!);
    }

    [Fact]
    public async Task A_base64_request_body_reaches_the_app_as_bytes_and_round_trips()
    {
        byte[] bytes = [0, 1, 2, 0xFF, 0xFE, 0x80, 10, 13];
        var payload = SampleEvents.Modified(Basic, e =>
        {
            e["path"] = "/echo";
            e["resource"] = "/echo";
            e["body"] = Convert.ToBase64String(bytes);
            e["isBase64Encoded"] = true;
            e["headers"]!["Content-Type"] = "application/octet-stream";
        });
        var response = await _app.InvokeAsync(payload);

        Assert.Equal(bytes.Length, _app.Seen!.ContentLength);
        Assert.True((bool)response["isBase64Encoded"]!);
        Assert.Equal(bytes, Convert.FromBase64String((string)response["body"]!));
    }

    [Fact]
    public async Task Set_cookie_and_repeated_headers_go_to_multi_value_headers()
    {
        var response = await _app.InvokeAsync(SampleEvents.Modified(Cognito, e => e["pathParameters"]!["proxy"] = "cookies"));
        var headers = response["multiValueHeaders"]!.AsObject();

        Assert.Equal(["session=abc; path=/; httponly", "theme=dark; path=/"], headers["Set-Cookie"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["one", "two"], headers["X-Multi"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task Status_codes_pass_through()
    {
        var teapot = await _app.InvokeAsync(SampleEvents.Modified(Cognito, e => e["pathParameters"]!["proxy"] = "teapot"));
        var redirect = await _app.InvokeAsync(SampleEvents.Modified(Cognito, e => e["pathParameters"]!["proxy"] = "redirect"));
        var deleted = await _app.InvokeAsync(SampleEvents.Modified(Cognito, e => { e["pathParameters"]!["proxy"] = "items/7"; e["httpMethod"] = "DELETE"; }));

        Assert.Equal(418, (int)teapot["statusCode"]!);
        Assert.Equal(302, (int)redirect["statusCode"]!);
        Assert.Equal("/elsewhere", (string)redirect["multiValueHeaders"]!["Location"]![0]!);
        Assert.Equal(204, (int)deleted["statusCode"]!);
        Assert.Equal("", (string)deleted["body"]!);
    }

    [Fact]
    public async Task Unhandled_exceptions_become_500_problem_details_without_internals()
    {
        var response = await _app.InvokeAsync(SampleEvents.Modified(Cognito, e => e["pathParameters"]!["proxy"] = "throw"), TestApp.Context("req-500"));
        var body = (string)response["body"]!;

        Assert.Equal(500, (int)response["statusCode"]!);
        Assert.Equal("application/problem+json", (string)response["multiValueHeaders"]!["Content-Type"]![0]!);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(500, (int)problem["status"]!);
        Assert.Equal("req-500", (string)problem["requestId"]!);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_content_length_that_does_not_match_the_body_is_a_500()
    {
        var response = await _app.InvokeAsync(SampleEvents.Modified(Cognito, e => e["pathParameters"]!["proxy"] = "wrong-length"));

        Assert.Equal(500, (int)response["statusCode"]!);
    }

    [Fact]
    public async Task Without_a_trace_header_the_trace_identifier_is_the_request_id()
    {
        await _app.InvokeAsync(SampleEvents.Bytes(Cognito), TestApp.Context("req-no-trace", traceId: null));

        Assert.Equal("req-no-trace", _app.Seen!.TraceIdentifier);
    }

    [Fact]
    public async Task A_custom_domain_base_path_becomes_path_base()
    {
        await _app.InvokeAsync(SampleEvents.Modified(Cognito, e =>
        {
            e["path"] = "/v1/api/authtest";
            e["requestContext"]!["path"] = "/v1/api/authtest";
        }));

        Assert.Equal("/v1", _app.Seen!.PathBase);
        Assert.Equal("/api/authtest", _app.Seen.Path);
        Assert.Equal("/v1/api/authtest", _app.Seen.RawTarget);
    }

    [Fact]
    public async Task A_trailing_slash_keeps_the_stage_as_path_base()
    {
        await _app.InvokeAsync(SampleEvents.Modified(Cognito, e =>
        {
            e["path"] = "/foo/";
            e["pathParameters"]!["proxy"] = "foo/";
            e["requestContext"]!["path"] = "/Prod/foo";
        }));

        Assert.Equal("/Prod", _app.Seen!.PathBase);
        Assert.Equal("/foo/", _app.Seen.Path);
    }

    [Fact]
    public async Task Encoded_path_characters_decode_like_kestrel_except_an_encoded_slash()
    {
        await _app.InvokeAsync(SampleEvents.Modified(Basic, e =>
        {
            e["resource"] = "/{proxy+}";
            e["path"] = "/files/a%2Fb/file%20name+x.xml";
            e["pathParameters"] = new JsonObject { ["proxy"] = "files/a%2Fb/file%20name+x.xml" };
        }));

        Assert.Equal("/files/a%2Fb/file name+x.xml", _app.Seen!.Path);
        Assert.Equal("/files/a%2Fb/file%20name+x.xml?name=me", _app.Seen.RawTarget);
    }
}
