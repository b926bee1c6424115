using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tenancy.Isolation;
using Tenancy.Observability.Logging;
using Tenancy.Observability.Tests.Support;
using Tenancy.Testing.Events;
using Tenancy.Testing.Fakes;

namespace Tenancy.Observability.Tests.Logging;

public sealed class LogKeysTests
{
    private enum Channel
    {
        Web,
    }

    [Fact]
    public async Task Template_arguments_scopes_and_appended_keys_cannot_forge_reserved_keys()
    {
        var log = new TestLogger(Env.Of((EnvironmentVariableNames.ServiceName, "orders")));
        log.Provider.AppendedKeys.Append("tenant_id", "evil-appended");
        using var tenant = AmbientTenant.Enter(await TestTenantScopes.CreateAsync("acme", TenantTier.Basic));
        var logger = log.Create();

        using (logger.BeginScope(new Dictionary<string, object?> { ["service"] = "forged", ["level"] = "Critical" }))
        {
            logger.LogInformation("{tenant_id} {message} {timestamp}", "evil", "x", "y");
        }

        using var line = log.Output.ParseAll().Single();
        var root = line.RootElement;
        Assert.Equal("acme", root.GetProperty("tenant_id").GetString());
        Assert.Equal("Basic", root.GetProperty("tenant_tier").GetString());
        Assert.Equal("orders", root.GetProperty("service").GetString());
        Assert.Equal("Information", root.GetProperty("level").GetString());
        Assert.Equal("evil x y", root.GetProperty("message").GetString());
        Assert.Equal(["level", "message", "timestamp", "service", "name", "tenant_id", "tenant_tier"], root.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void The_most_specific_source_of_a_key_wins_template_then_inner_scope_then_outer_scope_then_appended()
    {
        var log = new TestLogger();
        log.Provider.AppendedKeys.Append(new Dictionary<string, object?> { ["a"] = "appended", ["b"] = "appended", ["c"] = "appended", ["d"] = "appended" });
        var logger = log.Create();

        using (logger.BeginScope(new Dictionary<string, object?> { ["a"] = "outer", ["b"] = "outer", ["c"] = "outer" }))
        using (logger.BeginScope(new Dictionary<string, object?> { ["a"] = "inner", ["b"] = "inner" }))
        {
            logger.LogInformation("{a}", "template");
        }

        using var line = log.Output.ParseAll().Single();
        var root = line.RootElement;
        Assert.Equal("template", root.GetProperty("a").GetString());
        Assert.Equal("inner", root.GetProperty("b").GetString());
        Assert.Equal("outer", root.GetProperty("c").GetString());
        Assert.Equal("appended", root.GetProperty("d").GetString());
    }

    [Fact]
    public void Appended_keys_can_be_replaced_removed_and_cleared()
    {
        var log = new TestLogger();
        var logger = log.Create();
        var keys = log.Provider.AppendedKeys;

        keys.Append("region", "eu");
        keys.Append("region", "us");
        keys.Append("build", 7);
        logger.LogInformation("first");
        keys.Remove("region");
        logger.LogInformation("second");
        keys.Clear();
        logger.LogInformation("third");

        var lines = log.Output.ParseAll();
        Assert.Equal("us", lines[0].RootElement.GetProperty("region").GetString());
        Assert.Equal(7, lines[0].RootElement.GetProperty("build").GetInt32());
        Assert.False(lines[1].RootElement.TryGetProperty("region", out _));
        Assert.True(lines[1].RootElement.TryGetProperty("build", out _));
        Assert.False(lines[2].RootElement.TryGetProperty("build", out _));
    }

    [Fact]
    public void Values_are_written_by_type_numbers_stay_numbers_and_collections_nest()
    {
        var log = new TestLogger();
        var id = Guid.Parse("0b1ee5a2-6f6e-4b1c-9f0a-2f1c3d4e5f60");
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        log.Create().LogInformation(
            "{Int} {Long} {Double} {Bool} {Guid} {When} {Channel} {Items} {@Order} {Nothing} {Bytes} {NaN} {Duration}",
            5, 6_000_000_000L, 1.5, true, id, when, Channel.Web, new[] { 1, 2 },
            new Dictionary<string, object?> { ["Id"] = 9, ["Lines"] = new List<string> { "a" } },
            null, new byte[] { 1, 2, 3 }, double.NaN, TimeSpan.FromSeconds(90));

        var line = log.Output.SingleLine();
        Assert.Contains(
            """
            "Int":5,"Long":6000000000,"Double":1.5,"Bool":true,"Guid":"0b1ee5a2-6f6e-4b1c-9f0a-2f1c3d4e5f60","When":"2026-01-02T03:04:05+00:00","Channel":"Web","Items":[1,2],"Order":{"Id":9,"Lines":["a"]},"Nothing":null,"Bytes":"AQID","NaN":"NaN","Duration":"00:01:30"}
            """.Trim(),
            line,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_text_stays_readable_as_powertools_writes_it()
    {
        var log = new TestLogger();

        log.Create().LogInformation("Café <b> & \"quoted\" {Name}", "Zoë");

        Assert.Contains("""
            "message":"Café <b> & \"quoted\" Zoë"
            """.Trim(), log.Output.SingleLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_correlation_id_is_read_from_real_api_gateway_events_with_json_pointers()
    {
        var rest = SampleEvents.Read("api/rest-v1/rest-v1-proxy_basic__aws-lambda-dotnet-events.json");
        var http = SampleEvents.Read("api/http-v2/http-v2_basic__aws-lambda-dotnet-events.json");

        using var restEvent = JsonDocument.Parse(rest);
        using var httpEvent = JsonDocument.Parse(http);

        var restId = LogCorrelation.FromEvent(restEvent.RootElement, CorrelationIdPaths.ApiGatewayRest);
        var httpId = LogCorrelation.FromEvent(httpEvent.RootElement, CorrelationIdPaths.ApiGatewayHttp);

        Assert.Equal(restEvent.RootElement.GetProperty("requestContext").GetProperty("requestId").GetString(), restId);
        Assert.Equal(httpEvent.RootElement.GetProperty("requestContext").GetProperty("requestId").GetString(), httpId);
        Assert.False(string.IsNullOrEmpty(restId));
        Assert.Null(LogCorrelation.FromEvent(restEvent.RootElement, "/requestContext/noSuchMember"));
        Assert.Null(LogCorrelation.FromEvent(restEvent.RootElement, "requestContext"));
    }

    [Fact]
    public async Task The_correlation_id_flows_with_the_request_and_not_into_other_flows()
    {
        var log = new TestLogger();
        var logger = log.Create();

        await Task.WhenAll(
            Task.Run(() =>
            {
                LogCorrelation.Current = "request-a";
                logger.LogInformation("a");
            }),
            Task.Run(() => logger.LogInformation("b")));

        var lines = log.Output.ParseAll().ToDictionary(l => l.RootElement.GetProperty("message").GetString()!);
        Assert.Equal("request-a", lines["a"].RootElement.GetProperty("correlation_id").GetString());
        Assert.False(lines["b"].RootElement.TryGetProperty("correlation_id", out _));
    }
}
