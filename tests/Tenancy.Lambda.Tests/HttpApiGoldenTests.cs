using System.Text.Json.Nodes;
using Tenancy.Lambda.Hosting;
using Tenancy.Lambda.Tests.Infrastructure;
using Tenancy.Testing.Events;

namespace Tenancy.Lambda.Tests;

/// <summary>Real HTTP API (payload 2.0) events through <see cref="LambdaServer"/> into a minimal API.</summary>
public sealed class HttpApiGoldenTests : IAsyncLifetime
{
    private const string JwtCognito = "api/http-v2/http-v2_jwt-authorizer-cognito-claims__aws-lambda-dotnet.json";
    private const string LambdaAuthorizer = "api/http-v2/http-v2_lambda-authorizer__aws-lambda-go.json";
    private const string NoAuthorizer = "api/http-v2/http-v2_no-authorizer__aws-lambda-go.json";
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(LambdaEventSource.HttpApi);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Jwt_authorizer_claims_headers_and_connection_reach_the_app()
    {
        var response = await _app.InvokeAsync(SampleEvents.Bytes(JwtCognito));
        var seen = _app.Seen!;

        Assert.Equal("GET", seen.Method);
        Assert.Equal("/api/authtest", seen.Path);
        Assert.Equal("", seen.PathBase);
        Assert.Equal("HTTP/1.1", seen.Protocol);
        Assert.True(seen.User.Identity!.IsAuthenticated);
        Assert.Equal("true", seen.Claim("you_are_special"));
        Assert.Equal("Admin", seen.Claim("cognito:groups"));
        Assert.Equal("192.182.149.40", seen.RemoteIp);
        Assert.Equal(443, seen.RemotePort);
        Assert.Equal(["uo9pe23ec6.execute-api.us-east-1.amazonaws.com"], seen.Header("Host"));
        Assert.Equal(0, seen.ContentLength);

        Assert.Equal(200, (int)response["statusCode"]!);
        Assert.Equal("text/plain; charset=utf-8", (string)response["headers"]!["Content-Type"]!);
        Assert.Equal("ok", (string)response["body"]!);
        Assert.Null(response["multiValueHeaders"]);
    }

    [Fact]
    public async Task Jwt_scopes_become_scope_claims()
    {
        await _app.InvokeAsync(SampleEvents.Bytes("api/http-v2/http-v2_jwt-authorizer__aws-lambda-rust-runtime.json"));
        var seen = _app.Seen!;

        Assert.Equal("value1", seen.Claim("claim1"));
        Assert.Equal(["scope1", "scope2"], seen.User.FindAll("scope").Select(c => c.Value));
    }

    [Fact]
    public async Task Cookies_raw_query_and_body_of_a_lambda_authorizer_event()
    {
        await _app.InvokeAsync(SampleEvents.Bytes(LambdaAuthorizer));
        var seen = _app.Seen!;

        Assert.Equal("/my/path", seen.Path);
        Assert.Equal("?parameter1=value1&parameter1=value2&parameter2=value", seen.QueryString);
        Assert.Equal("/my/path?parameter1=value1&parameter1=value2&parameter2=value", seen.RawTarget);
        Assert.Equal(["value1", "value2"], seen.Query["parameter1"]);
        Assert.Equal(["cookie1; cookie2"], seen.Header("Cookie"));
        Assert.Equal(["value1"], seen.Header("Header1"));
        Assert.Equal("{\r\n\t\"a\": 1\r\n}", seen.Body);
    }

    [Fact]
    public async Task Named_cookies_are_readable_from_the_joined_cookie_header()
    {
        await _app.InvokeAsync(SampleEvents.Modified(NoAuthorizer, e => e["cookies"] = new JsonArray("TestCookie1=TestValue1", "TestCookie3=TestValue3")));

        Assert.Equal("TestValue3", _app.Seen!.Cookies["TestCookie3"]);
        Assert.Equal("TestValue1", _app.Seen.Cookies["TestCookie1"]);
    }

    [Fact]
    public async Task The_iam_caller_becomes_claims()
    {
        await _app.InvokeAsync(SampleEvents.Bytes("api/http-v2/http-v2_iam-authorizer__aws-lambda-go.json"));
        var seen = _app.Seen!;

        Assert.True(seen.User.Identity!.IsAuthenticated);
        Assert.Equal("arn:aws:iam::1234567890:user/Admin", seen.Claim("userArn"));
        Assert.Equal("AwsOrgId", seen.Claim("principalOrgId"));
    }

    [Theory]
    [InlineData(NoAuthorizer, "/", "")]
    [InlineData("api/http-v2/http-v2_sam-local__aws-lambda-rust-runtime.json", "/dump", "?foo=bar")]
    [InlineData("api/http-v2/http-v2_lambda-authorizer__aws-lambda-dotnet-events.json", "/my/path", "?parameter1=value1&parameter1=value2&parameter2=value")]
    [InlineData("api/http-v2/http-v2_jwt-authorizer_truncated-clientcert__aws-lambda-go.json", "/my/path", "?parameter1=value1&parameter1=value2&parameter2=value")]
    [InlineData("api/http-v2/http-v2_lambda-authorizer__aws-lambda-rust-runtime.json", "/my/path", "?parameter1=value1&parameter1=value2&parameter2=value")]
    public async Task Every_sample_event_routes_and_answers(string file, string path, string query)
    {
        var response = await _app.InvokeAsync(SampleEvents.Bytes(file));

        Assert.Equal(path, _app.Seen!.Path);
        Assert.Equal(query, _app.Seen.QueryString);
        Assert.Equal(200, (int)response["statusCode"]!);
    }

    [Fact]
    public async Task An_event_claiming_a_base64_body_that_is_not_base64_is_an_invocation_error()
    {
        // The aws-lambda-dotnet sample says isBase64Encoded with a plain-text body; the event is malformed, not the request.
        await Assert.ThrowsAsync<FormatException>(() => _app.InvokeAsync(SampleEvents.Bytes("api/http-v2/http-v2_basic__aws-lambda-dotnet-events.json")));
    }

    [Fact]
    public async Task Set_cookie_goes_to_the_cookies_array_and_other_headers_are_joined()
    {
        var response = await _app.InvokeAsync(SampleEvents.Modified(NoAuthorizer, e => { e["rawPath"] = "/cookies"; e["requestContext"]!["http"]!["path"] = "/cookies"; }));

        Assert.Equal(["session=abc; path=/; httponly", "theme=dark; path=/"], response["cookies"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("one,two", (string)response["headers"]!["X-Multi"]!);
        Assert.Null(response["headers"]!["Set-Cookie"]);
    }

    [Fact]
    public async Task Binary_responses_and_base64_request_bodies()
    {
        byte[] bytes = [0xFF, 0x00, 0xD8, 0x7F];
        var response = await _app.InvokeAsync(SampleEvents.Modified(NoAuthorizer, e =>
        {
            e["rawPath"] = "/echo";
            e["requestContext"]!["http"]!["path"] = "/echo";
            e["requestContext"]!["http"]!["method"] = "POST";
            e["headers"]!["content-type"] = "image/jpeg";
            e["body"] = Convert.ToBase64String(bytes);
            e["isBase64Encoded"] = true;
        }));

        Assert.True((bool)response["isBase64Encoded"]!);
        Assert.Equal(bytes, Convert.FromBase64String((string)response["body"]!));
        Assert.Equal("image/jpeg", (string)response["headers"]!["Content-Type"]!);
    }

    [Fact]
    public async Task A_named_stage_prefix_becomes_path_base()
    {
        await _app.InvokeAsync(SampleEvents.Modified(NoAuthorizer, e =>
        {
            e["rawPath"] = "/beta/api/values";
            e["requestContext"]!["stage"] = "beta";
            e["requestContext"]!["http"]!["path"] = "/beta/api/values";
        }));

        Assert.Equal("/beta", _app.Seen!.PathBase);
        Assert.Equal("/api/values", _app.Seen.Path);
        Assert.Equal("/beta/api/values", _app.Seen.RawTarget);
    }

    [Fact]
    public async Task Encoded_path_and_query_stay_as_the_client_sent_them_in_raw_target()
    {
        await _app.InvokeAsync(SampleEvents.Modified(NoAuthorizer, e =>
        {
            e["rawPath"] = "/foo%25bar/a%2Fb";
            e["rawQueryString"] = "foo=b%40r&x=1+2";
            e["requestContext"]!["http"]!["path"] = "/foo%25bar/a%2Fb";
        }));

        Assert.Equal("/foo%bar/a%2Fb", _app.Seen!.Path);
        Assert.Equal("/foo%25bar/a%2Fb?foo=b%40r&x=1+2", _app.Seen.RawTarget);
        Assert.Equal(["b@r"], _app.Seen.Query["foo"]);
        Assert.Equal(["1 2"], _app.Seen.Query["x"]);
    }
}
