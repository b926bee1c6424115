using System.Text.Json.Nodes;
using Tenancy.Lambda.Tests.Infrastructure;
using Tenancy.Testing.Events;
using Tenancy.Testing.Lambda;

namespace Tenancy.Lambda.Tests;

/// <summary>
/// The Native-AOT sample, published for real, serving events from the in-test Runtime API: successes, app errors,
/// malformed events, deadlines, timed-out invocations (410), binary bodies and oversize responses, then SIGTERM.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PublishedBootstrapTests(PublishedSample sample) : IClassFixture<PublishedSample>
{
    private const string Rest = "api/rest-v1/rest-v1-proxy_cognito-userpool-authorizer-claims_stage-Prod__aws-lambda-dotnet.json";
    private const string Http = "api/http-v2/http-v2_jwt-authorizer-cognito-claims__aws-lambda-dotnet.json";

    [Fact]
    public void The_sample_publishes_without_trim_or_aot_warnings()
    {
        Assert.True(File.Exists(sample.BootstrapPath));
        Assert.Contains("Generating native code", sample.PublishLog, StringComparison.Ordinal);
        Assert.DoesNotContain("warning IL2", sample.PublishLog, StringComparison.Ordinal);
        Assert.DoesNotContain("warning IL3", sample.PublishLog, StringComparison.Ordinal);
        Assert.InRange(new FileInfo(sample.BootstrapPath).Length, 1, 20L * 1024 * 1024);
    }

    [Fact]
    public async Task The_published_bootstrap_answers_every_kind_of_rest_api_event_and_stops_on_sigterm()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var bootstrap = BootstrapProcess.Start(sample.BootstrapPath, api.Address);
        var checkedCount = 0;

        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 12; i++)
            {
                var script = new ScriptedInvocation { TenantId = $"tenant-{i}", InvocationId = i % 2 == 0 ? $"inv-{round}-{i}" : null };
                var call = await api.Enqueue(Rest_(proxy: $"hello/n{round}-{i}"), script).WaitAsync(TimeSpan.FromSeconds(60));
                Assert.Equal("response", call.Kind);
                Assert.Equal(202, call.StatusReturned);
                Assert.Equal(script.InvocationId, call.Header("Lambda-Runtime-Invocation-Id"));
                var response = JsonNode.Parse(call.Body)!;
                Assert.Equal(200, (int)response["statusCode"]!);
                var greeting = JsonNode.Parse((string)response["body"]!)!;
                Assert.Equal($"Hello n{round}-{i}", (string)greeting["message"]!);
                Assert.Equal(script.RequestId, (string)greeting["requestId"]!);
                Assert.Equal(script.TenantId, (string)greeting["tenantId"]!);
                checkedCount++;
            }

            for (var i = 0; i < 3; i++)
            {
                var call = await api.Enqueue(Rest_(proxy: "fail")).WaitAsync(TimeSpan.FromSeconds(30));
                var response = JsonNode.Parse(call.Body)!;
                Assert.Equal(500, (int)response["statusCode"]!);
                Assert.Equal("application/problem+json", (string)response["multiValueHeaders"]!["Content-Type"]![0]!);
                Assert.DoesNotContain("hunter2", call.BodyText, StringComparison.Ordinal);
                checkedCount++;
            }

            for (var i = 0; i < 2; i++)
            {
                var size = 1000 * (round + 1) + i;
                var call = await api.Enqueue(Rest_(proxy: $"binary/{size}")).WaitAsync(TimeSpan.FromSeconds(30));
                var response = JsonNode.Parse(call.Body)!;
                Assert.True((bool)response["isBase64Encoded"]!);
                var bytes = Convert.FromBase64String((string)response["body"]!);
                Assert.Equal(Enumerable.Range(0, size).Select(b => (byte)(b * 7)).ToArray(), bytes);
                checkedCount++;
            }

            for (var i = 0; i < 2; i++)
            {
                var sent = Enumerable.Range(0, 300 + round).Select(b => (byte)(255 - b)).ToArray();
                var call = await api.Enqueue(Rest_(proxy: "echo", method: "POST", base64Body: Convert.ToBase64String(sent))).WaitAsync(TimeSpan.FromSeconds(30));
                var response = JsonNode.Parse(call.Body)!;
                Assert.Equal(sent, Convert.FromBase64String((string)response["body"]!));
                checkedCount++;
            }

            var slow = await api.Enqueue(Rest_(proxy: "slow"), new ScriptedInvocation { Timeout = TimeSpan.FromMilliseconds(800) }).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(504, (int)JsonNode.Parse(slow.Body)!["statusCode"]!);
            Assert.Equal(202, slow.StatusReturned);
            checkedCount++;

            var gone = await api.Enqueue(Rest_(proxy: $"hello/gone{round}"), new ScriptedInvocation { AnswerGone = true }).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(410, gone.StatusReturned);
            checkedCount++;

            var big = await api.Enqueue(Rest_(proxy: "big")).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("error", big.Kind);
            Assert.Equal("Function.ResponseSizeTooLarge", big.Header("Lambda-Runtime-Function-Error-Type"));
            checkedCount++;

            var malformed = await api.Enqueue("{\"httpMethod\": [not json").WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("error", malformed.Kind);
            Assert.Equal("application/vnd.aws.lambda.error+json", malformed.Header("Content-Type"));
            Assert.Equal("JsonException", malformed.Header("Lambda-Runtime-Function-Error-Type"));
            Assert.Contains("\"errorMessage\"", malformed.BodyText, StringComparison.Ordinal);
            checkedCount++;
        }

        Assert.True(checkedCount >= 100, $"{checkedCount} invocations checked");
        Assert.False(bootstrap.HasExited, bootstrap.Output);

        bootstrap.Terminate();
        await bootstrap.WaitForExitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(0, bootstrap.ExitCode);
    }

    [Fact]
    public async Task The_published_bootstrap_serves_http_api_events()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var bootstrap = BootstrapProcess.Start(sample.BootstrapPath, api.Address, new Dictionary<string, string> { ["SAMPLE_EVENT_SOURCE"] = "HttpApi" });

        for (var i = 0; i < 10; i++)
        {
            var payload = SampleEvents.Modified(Http, e =>
            {
                e["rawPath"] = $"/hello/v2-{i}";
                e["requestContext"]!["http"]!["path"] = $"/hello/v2-{i}";
                e["requestContext"]!["authorizer"]!["jwt"]!["claims"]!["sub"] = $"user-{i}";
            });
            var call = await api.Enqueue(payload).WaitAsync(TimeSpan.FromSeconds(60));
            var response = JsonNode.Parse(call.Body)!;
            Assert.Equal(200, (int)response["statusCode"]!);
            Assert.StartsWith("application/json", (string)response["headers"]!["Content-Type"]!, StringComparison.Ordinal);
            var greeting = JsonNode.Parse((string)response["body"]!)!;
            Assert.Equal($"Hello v2-{i}", (string)greeting["message"]!);
            Assert.Equal($"user-{i}", (string)greeting["subject"]!);
        }
    }

    [Fact]
    public async Task An_init_failure_is_reported_to_init_error_and_the_process_exits_with_1()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var bootstrap = BootstrapProcess.Start(sample.BootstrapPath, api.Address, new Dictionary<string, string> { ["SAMPLE_FAIL_INIT"] = "1" });

        var call = await api.InitError.WaitAsync(TimeSpan.FromSeconds(30));
        await bootstrap.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("Runtime.InitError", call.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Contains("SAMPLE_FAIL_INIT", call.BodyText, StringComparison.Ordinal);
        Assert.Equal(1, bootstrap.ExitCode);
        Assert.Equal(0, api.NextCalls);
    }

    private static byte[] Rest_(string proxy, string method = "GET", string? base64Body = null) => SampleEvents.Modified(Rest, e =>
    {
        e["pathParameters"]!["proxy"] = proxy;
        e["path"] = "/" + proxy;
        e["requestContext"]!["path"] = "/Prod/" + proxy;
        e["httpMethod"] = method;
        if (base64Body is not null)
        {
            e["body"] = base64Body;
            e["isBase64Encoded"] = true;
            e["headers"]!["Content-Type"] = "application/octet-stream";
        }
    });
}
