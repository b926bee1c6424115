using System.Text;
using System.Text.Json;
using Tenancy.Local.Functions;
using Tenancy.Testing;

namespace Tenancy.Local.Tests.Functions;

/// <summary>The real AOT bootstrap of the tenant API invoked through the local Runtime API, as Lambda invokes it.</summary>
public sealed class LocalFunctionInvokerTests
{
    private static List<string> ApiEvents() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("events/api"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Every_api_event_gets_a_proxy_response_from_one_warm_environment()
    {
        await using var invoker = ApiFunctionInvoker.Create();
        var reports = new List<LocalInvocationReport>();
        foreach (var file in ApiEvents())
        {
            var payload = await File.ReadAllBytesAsync(RepositoryFiles.PathOf($"events/api/{file}"));
            var report = await invoker.InvokeWithReportAsync("ApiFunction", payload, CancellationToken.None);
            Assert.False(report.Result.IsFunctionError, $"{file}: {Encoding.UTF8.GetString(report.Result.Payload.Span)}");
            using var response = JsonDocument.Parse(report.Result.Payload);
            var status = response.RootElement.GetProperty("statusCode").GetInt32();
            if (file == "health-get.json")
            {
                Assert.Equal(200, status);
                Assert.Contains("\"ok\"", response.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
            }
            else
            {
                // The events carry a token no issuer signed: the API itself refuses it with problem details.
                Assert.Equal(401, status);
                Assert.Contains("application/problem+json", response.RootElement.GetProperty("multiValueHeaders").GetProperty("Content-Type")[0].GetString(), StringComparison.Ordinal);
            }

            reports.Add(report);
        }

        Assert.Equal(8, reports.Count);
        Assert.NotNull(reports[0].InitDuration);
        Assert.All(reports.Skip(1), r => Assert.Null(r.InitDuration));
        Assert.Equal(1, invoker.WarmEnvironments("ApiFunction"));
        Assert.All(reports, r => Assert.True(r.MaxMemoryUsedMb > 0));
        Assert.Matches(@"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms$", reports[0].ReportLine);
    }

    [Fact]
    public async Task An_event_the_function_cannot_read_is_a_function_error()
    {
        await using var invoker = ApiFunctionInvoker.Create();
        var result = await invoker.InvokeAsync("ApiFunction", "[1,2,3]"u8.ToArray(), CancellationToken.None);

        Assert.True(result.IsFunctionError);
        using var error = JsonDocument.Parse(result.Payload);
        Assert.Equal(result.FunctionErrorType, error.RootElement.GetProperty("errorType").GetString());
        Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("errorMessage").GetString()));
        // The environment survives a function error and serves the next invocation warm.
        var health = await invoker.InvokeWithReportAsync("ApiFunction", await File.ReadAllBytesAsync(RepositoryFiles.PathOf("events/api/health-get.json")), CancellationToken.None);
        Assert.False(health.Result.IsFunctionError);
        Assert.Null(health.InitDuration);
    }

    [Fact]
    public async Task A_configuration_that_fails_init_is_reported_as_Lambda_reports_an_init_failure()
    {
        await using var invoker = ApiFunctionInvoker.Create(new Dictionary<string, string> { ["TENANCY_TOKEN_CLOCK_SKEW_SECONDS"] = "999" });
        var report = await invoker.InvokeWithReportAsync("ApiFunction", await File.ReadAllBytesAsync(RepositoryFiles.PathOf("events/api/health-get.json")), CancellationToken.None);

        Assert.True(report.Result.IsFunctionError);
        Assert.StartsWith("Runtime.", report.Result.FunctionErrorType, StringComparison.Ordinal);
        Assert.Contains(report.Logs, line => line.Contains("TENANCY_TOKEN_CLOCK_SKEW_SECONDS", StringComparison.Ordinal));
        Assert.Equal(0, invoker.WarmEnvironments("ApiFunction"));
    }

    [Fact]
    public async Task A_function_running_past_its_timeout_is_killed_and_reported_as_timed_out()
    {
        // A custom runtime that takes the event and never answers (any executable speaking the Runtime API is a bootstrap).
        var script = Path.Combine(Path.GetTempPath(), $"hang-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho \"hanging runtime started\"\ncurl -sS -o /dev/null \"http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation/next\"\necho \"got the event, sleeping\"\nexec sleep 600\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            await using var invoker = ApiFunctionInvoker.Create(bootstrapOverrides: new Dictionary<string, string> { ["ApiFunction"] = script }, timeoutSeconds: 1);
            var report = await invoker.InvokeWithReportAsync("ApiFunction", "{}"u8.ToArray(), CancellationToken.None);

            Assert.True(report.Result.IsFunctionError);
            Assert.Equal("Sandbox.Timedout", report.Result.FunctionErrorType);
            using var error = JsonDocument.Parse(report.Result.Payload);
            Assert.Equal($"RequestId: {report.RequestId} Error: Task timed out after 1.00 seconds", error.RootElement.GetProperty("errorMessage").GetString());
            Assert.Contains(report.Logs, line => line.Contains("got the event", StringComparison.Ordinal));
            Assert.Equal(0, invoker.WarmEnvironments("ApiFunction"));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task An_unknown_logical_id_is_refused()
    {
        await using var invoker = ApiFunctionInvoker.Create();
        var refused = await Assert.ThrowsAsync<UnknownFunctionException>(() => invoker.InvokeAsync("NoSuchFunction", "{}"u8.ToArray(), CancellationToken.None));
        Assert.Equal("NoSuchFunction", refused.LogicalId);
    }

    [Fact]
    public void The_template_functions_get_globals_and_their_project()
    {
        var functions = TemplateFunctionReader.Read(RepositoryFiles.PathOf("template.yaml"));
        var api = functions["ApiFunction"];

        Assert.Equal("bootstrap", api.Handler);
        Assert.Equal("Tenancy.Api", api.ProjectName);
        Assert.Equal(512, api.MemorySizeMb);
        Assert.Equal(15, api.TimeoutSeconds);
        // The issuer is the stack's own user pool (its Ref resolves to the logical id locally).
        Assert.Equal("https://cognito-idp.us-east-1.amazonaws.com/UserPool", api.Environment["TENANCY_JWT_ISSUER"]);
        Assert.Equal("arn:aws:iam::000000000000:role/TenantDataRole", api.Environment["TENANCY_TENANT_DATA_ROLE_ARN"]);
        var authorizer = functions["AuthorizerFunction"];
        Assert.Equal(("authorizer", "Tenancy.ControlPlane"), (authorizer.Handler, authorizer.ProjectName));
        Assert.Equal("usage-aggregator", functions["UsageAggregatorFunction"].Handler);
    }
}
