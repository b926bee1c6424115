using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Functions;
using Tenancy.Local.Run.Invoke;
using Tenancy.Local.Tests.Cloud;
using Tenancy.Testing;

namespace Tenancy.Local.Tests.Functions;

/// <summary>
/// <c>invoke &lt;LogicalId&gt; --event events/&lt;function&gt;/… --env-vars …</c> for every function of the template, the
/// real AOT bootstrap against the local cloud: the response alone on stdout, the REPORT line on stderr, and the exit
/// code of a success or of the function's own refusal.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class InvokeEveryFunctionTests(LocalCloudFixture fixture)
{
    /// <summary>Each function with one of its events and what it answers: the JSON property a success carries, or the error message of a refusal.</summary>
    public static TheoryData<string, string, string> FunctionEvents => new()
    {
        { "ApiFunction", "api/health-get.json", "statusCode" },
        { "AuthorizerFunction", "authorizer/tenancy-rest-request-authorizer_orders-get.json", "error:Unauthorized" },
        { "PreTokenGenerationFunction", "pre-token-generation/tenancy-pretokengen-V2_0_tenant-admin-sign-in.json", "response" },
        { "RegistryFunction", "registry/get.json", "tenantId" },
        { "PooledDataDeletionFunction", "pooled-data-deletion/offboarding-first-page.json", "deleted" },
        { "TenantObjectsDeletionFunction", "tenant-objects-deletion/offboarding-first-page.json", "deleted" },
        { "UsageAggregatorFunction", "usage-aggregator/cloudwatch-logs__aws-sam-cli.json", "records" },
        { "UsageCloseFunction", "usage-close/close-hour.json", "hour" },
        // Marking refuses records the metering table has never closed (this cloud closed none).
        { "UsagePublishedFunction", "usage-published/metering-close-mark-announced.json", "error:No billing record acme 2026-12-02T09 exists to mark published." },
        { "UsageQueryFunction", "usage-query/tenant-day.json", "tenantId" },
        // Copying refuses a tenant the registry has not frozen for this change (freezing would disturb the shared cloud).
        { "TierChangeFunction", "tier-change/tenancy-tier-change-copy.json", "error:Tenant 'acme' is not frozen for change 'tier-change-acme-to-silo-1'." },
    };

    [Fact]
    public void Every_template_function_is_invoked_here()
    {
        var invoked = FunctionEvents.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(TemplateFunctionReader.Read(RepositoryFiles.PathOf("template.yaml")).Keys.Order(StringComparer.Ordinal), invoked);
    }

    [Theory]
    [MemberData(nameof(FunctionEvents))]
    public async Task Invoke_runs_the_function_with_its_event(string logicalId, string eventFile, string expected)
    {
        var envVars = await WriteEnvVarsAsync();
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await InvokeCommand.RunAsync(
                [logicalId, "--event", RepositoryFiles.PathOf($"events/{eventFile}"), "--env-vars", envVars],
                stdout,
                stderr,
                CancellationToken.None);

            var logs = stderr.ToString();
            Assert.Matches(@"REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms", logs);
            using var response = JsonDocument.Parse(stdout.ToString());
            if (expected.StartsWith("error:", StringComparison.Ordinal))
            {
                Assert.Equal(1, exit);
                Assert.Equal(expected["error:".Length..], response.RootElement.GetProperty("errorMessage").GetString());
            }
            else
            {
                Assert.True(exit == 0, $"{logicalId} exited {exit}: {stdout}\n{logs}");
                Assert.True(response.RootElement.TryGetProperty(expected, out _), $"{logicalId} answered {stdout}");
            }
        }
        finally
        {
            File.Delete(envVars);
        }
    }

    // The repository's env.json pointed at this test's local cloud (its endpoint and credentials in Parameters).
    private async Task<string> WriteEnvVarsAsync()
    {
        var endpoint = fixture.Cloud.Endpoint.ToString().TrimEnd('/');
        var text = (await File.ReadAllTextAsync(RepositoryFiles.PathOf("env.json"))).Replace("http://127.0.0.1:4566", endpoint, StringComparison.Ordinal);
        var env = JsonNode.Parse(text)!.AsObject();
        var parameters = env["Parameters"]!.AsObject();
        foreach (var (name, value) in fixture.Cloud.EnvironmentVariables(fixture.Cloud.AdminCredentials))
        {
            parameters[name] = value;
        }

        env["ApiFunction"]!["TENANCY_JWT_ISSUER"] = fixture.Cloud.Issuer.IssuerUrl;
        env["ApiFunction"]!["TENANCY_JWKS_URI"] = fixture.Cloud.Issuer.JwksUrl;
        var path = Path.Combine(Path.GetTempPath(), $"env-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, env.ToJsonString());
        return path;
    }
}
