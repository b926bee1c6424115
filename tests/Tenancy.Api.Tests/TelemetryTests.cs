using System.Net;
using System.Text.Json.Nodes;
using Tenancy.Api.Tests.Infrastructure;

namespace Tenancy.Api.Tests;

/// <summary>Each request leaves one structured log line and EMF metrics carrying the resolved tenant, not the input's.</summary>
[Collection(LocalApiCollection.Name)]
public sealed class TelemetryTests
{
    private readonly LocalApiFixture _fixture;

    public TelemetryTests(LocalApiFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_request_logs_one_json_line_and_emf_metrics_with_the_scope_tenant()
    {
        var tenant = _fixture.Premium;
        var marker = Guid.NewGuid().ToString("N");
        using var response = await _fixture.Http.SendAsync(HttpMethod.Get, $"/orders/{marker}", tenant.AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        JsonObject? line = null;
        for (var attempt = 0; attempt < 50 && line is null; attempt++)
        {
            line = _fixture.Api.OutputLines
                .Where(l => l.StartsWith('{') && l.Contains("\"/orders/{id}\"", StringComparison.Ordinal) && l.Contains("404", StringComparison.Ordinal) && l.Contains(tenant.Id, StringComparison.Ordinal))
                .Select(l => JsonNode.Parse(l) as JsonObject)
                .LastOrDefault();
            if (line is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(line);
        Assert.Equal(tenant.Id, line["tenant_id"]!.GetValue<string>());
        Assert.Equal("Premium", line["tenant_tier"]!.ToString(), ignoreCase: true);
        Assert.Equal("tenant-api", line["service"]!.GetValue<string>());

        var emf = _fixture.Api.OutputLines.Where(l => l.Contains("\"_aws\"", StringComparison.Ordinal) && l.Contains("\"Requests\"", StringComparison.Ordinal)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(emf);
        Assert.Contains(emf, d => string.Equals(d["tier"]?.ToString(), "Premium", StringComparison.OrdinalIgnoreCase));
    }
}
