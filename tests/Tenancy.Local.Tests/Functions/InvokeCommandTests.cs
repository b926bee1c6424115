using System.Text.Json;
using Tenancy.Local.Run.Invoke;
using Tenancy.Testing;

namespace Tenancy.Local.Tests.Functions;

/// <summary><c>invoke</c> as <c>sam local invoke -e -n</c>: payload alone on stdout, logs and REPORT on stderr.</summary>
public sealed class InvokeCommandTests
{
    [Fact]
    public async Task Invoke_prints_the_response_alone_on_stdout_and_the_report_on_stderr()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await InvokeCommand.RunAsync(
            ["ApiFunction", "--event", RepositoryFiles.PathOf("events/api/health-get.json"), "--env-vars", RepositoryFiles.PathOf("env.json")],
            stdout,
            stderr,
            CancellationToken.None);

        Assert.Equal(0, exit);
        using var response = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Matches(@"REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms", stderr.ToString());
    }

    [Fact]
    public async Task Invoke_exits_non_zero_on_an_init_error()
    {
        var envVars = Path.Combine(Path.GetTempPath(), $"env-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(envVars, "{\"ApiFunction\":{\"TENANCY_JWT_ISSUER\":\"https://issuer.example\",\"TENANCY_JWT_AUDIENCE\":\"client\",\"TENANCY_TOKEN_CLOCK_SKEW_SECONDS\":999}}");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await InvokeCommand.RunAsync(["ApiFunction", "-e", RepositoryFiles.PathOf("events/api/health-get.json"), "-n", envVars], stdout, stderr, CancellationToken.None);

            Assert.Equal(1, exit);
            using var error = JsonDocument.Parse(stdout.ToString());
            Assert.StartsWith("Runtime.", error.RootElement.GetProperty("errorType").GetString(), StringComparison.Ordinal);
            Assert.Contains("TENANCY_TOKEN_CLOCK_SKEW_SECONDS", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(envVars);
        }
    }

    [Fact]
    public async Task Invoke_gives_the_function_the_template_timeout_as_its_deadline_and_exits_non_zero_when_it_is_reached()
    {
        // A DynamoDB endpoint that accepts connections and never answers keeps the registry function waiting until the
        // deadline the Runtime API gave it (the template's Timeout); it then abandons the call and reports the error.
        // A function that ignores its deadline is killed instead (LocalFunctionInvokerTests).
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"invoke-timeout-{Guid.NewGuid():N}")).FullName;
        try
        {
            var template = await File.ReadAllTextAsync(RepositoryFiles.PathOf("template.yaml"));
            var registry = template.IndexOf("\n  RegistryFunction:\n", StringComparison.Ordinal);
            var timeout = template.IndexOf("Timeout: 10", registry, StringComparison.Ordinal);
            Assert.True(registry > 0 && timeout > registry, "the registry function's Timeout: 10 was not found");
            var templatePath = Path.Combine(directory, "template.yaml");
            await File.WriteAllTextAsync(templatePath, string.Concat(template.AsSpan(0, timeout), "Timeout: 2", template.AsSpan(timeout + "Timeout: 10".Length)));
            var envVars = Path.Combine(directory, "env.json");
            await File.WriteAllTextAsync(envVars, $$$"""{"RegistryFunction":{"AWS_ENDPOINT_URL_DYNAMODB":"http://127.0.0.1:{{{port}}}","AWS_ACCESS_KEY_ID":"AKIDLOCAL","AWS_SECRET_ACCESS_KEY":"secret"}}""");

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await InvokeCommand.RunAsync(
                ["RegistryFunction", "--event", RepositoryFiles.PathOf("events/registry/get.json"), "--env-vars", envVars, "--template", templatePath],
                stdout,
                stderr,
                CancellationToken.None);

            Assert.Equal(1, exit);
            using var error = JsonDocument.Parse(stdout.ToString());
            Assert.Equal("TaskCanceledException", error.RootElement.GetProperty("errorType").GetString());
            Assert.Contains("RegistryFunction failed: TaskCanceledException", stderr.ToString(), StringComparison.Ordinal);
            Assert.Matches(@"REPORT RequestId: [0-9a-f-]{36}\tDuration: (19\d\d|2\d{3})\.\d+ ms", stderr.ToString());
        }
        finally
        {
            silent.Stop();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Invoke_refuses_an_unknown_function_with_a_usage_error()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await InvokeCommand.RunAsync(["NoSuchFunction"], stdout, stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Empty(stdout.ToString());
        Assert.Contains("ApiFunction", stderr.ToString(), StringComparison.Ordinal);
    }
}
