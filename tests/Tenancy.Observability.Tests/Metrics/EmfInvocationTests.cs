using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Isolation;
using Tenancy.Observability.Logging;
using Tenancy.Observability.Metrics;
using Tenancy.Observability.Tests.Support;
using Tenancy.Testing.Fakes;

namespace Tenancy.Observability.Tests.Metrics;

public sealed class EmfInvocationTests : IDisposable
{
    public void Dispose() => Invocation.End();

    [Fact]
    public async Task RunInvocationAsync_writes_the_cold_start_then_flushes_at_the_end_even_when_the_handler_fails()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output, o => o.CaptureColdStart = true);
        Invocation.Begin("cold");

        var result = await metrics.RunInvocationAsync(() =>
        {
            metrics.AddMetric("Handled", 1, MetricUnit.Count);
            return Task.FromResult(42);
        });
        Invocation.Begin("warm");
        await Assert.ThrowsAsync<InvalidOperationException>(() => metrics.RunInvocationAsync(() =>
        {
            metrics.AddMetric("Handled", 1, MetricUnit.Count);
            throw new InvalidOperationException("handler failed");
        }));

        Assert.Equal(42, result);
        var lines = TestMetrics.ValidLines(output);
        Assert.Equal(3, lines.Count);
        Assert.Contains("\"ColdStart\":1", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Handled\":1", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Handled\":1", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_flush_after_a_failed_handler_does_not_hide_the_handler_error()
    {
        var output = new CapturedOutput();
        var metrics = new EmfMetrics(TestMetrics.Options(output, metricNamespace: null));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => metrics.RunInvocationAsync(() =>
        {
            metrics.AddMetric("Handled", 1);
            throw new TimeoutException();
        }));

        Assert.NotNull(error);
        Assert.Equal(1, metrics.SuppressedFlushFailures);
        Assert.Empty(output.Lines);
    }

    [Fact]
    public async Task The_middleware_flushes_each_request_of_a_real_server_with_the_tier_of_the_tenant_scope_entered_later()
    {
        var output = new CapturedOutput();
        var tracker = new ColdStartTracker();
        var tenant = await TestTenantScopes.CreateAsync("acme", TenantTier.Premium);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddTenancyJsonLogger(o =>
        {
            o.Output = output;
            o.Service = "orders";
            o.Environment = Env.Empty;
            o.ColdStart = tracker;
            o.TimeProvider = GoldenClock.Create();
        });
        builder.Services.AddEmfMetrics(o =>
        {
            o.Namespace = "Tenancy";
            o.Service = "orders";
            o.CaptureColdStart = true;
            o.Output = output;
            o.Environment = Env.Empty;
            o.ColdStart = tracker;
            o.TimeProvider = GoldenClock.Create();
        });
        await using var app = builder.Build();

        // What the Lambda server does before the pipeline runs: the invocation becomes current.
        app.Use((HttpContext context, RequestDelegate next) =>
        {
            Invocation.Begin(context.Request.Headers["x-request-id"].ToString());
            return next(context);
        });
        app.UseEmfMetrics();

        // What tenant resolution does after authentication: the scope becomes ambient for the handler only.
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            using var entered = AmbientTenant.Enter(tenant);
            await next(context);
        });
        app.MapGet("/orders", (EmfMetrics metrics, ILogger<EmfInvocationTests> logger) =>
        {
            metrics.AddMetric("OrdersListed", 1, MetricUnit.Count);
            logger.LogInformation("Listed orders");
            return "ok";
        });
        app.MapGet("/fail", (HttpContext _, EmfMetrics metrics) =>
        {
            metrics.AddMetric("Failures", 1, MetricUnit.Count);
            throw new InvalidOperationException("boom");
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            foreach (var (path, id) in new[] { ("/orders", "r1"), ("/orders", "r2"), ("/fail", "r3") })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("x-request-id", id);
                using var response = await client.SendAsync(request);
                Assert.Equal(path == "/fail" ? HttpStatusCode.InternalServerError : HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            await app.StopAsync();
        }

        var documents = output.Lines.Where(l => l.StartsWith("{\"_aws\"", StringComparison.Ordinal)).ToList();
        documents.ForEach(EmfSpecValidator.AssertValid);
        Assert.Equal(4, documents.Count);
        Assert.Single(documents, d => d.Contains("\"ColdStart\":1", StringComparison.Ordinal));
        var requestDocuments = documents.Where(d => !d.Contains("ColdStart", StringComparison.Ordinal)).ToList();
        Assert.All(requestDocuments, d =>
        {
            Assert.Contains("\"Dimensions\":[[\"Service\",\"tier\"]]", d, StringComparison.Ordinal);
            Assert.Contains("\"tier\":\"Premium\"", d, StringComparison.Ordinal);
            Assert.Contains("\"tenant_id\":\"acme\"", d, StringComparison.Ordinal);
        });
        Assert.Single(requestDocuments, d => d.Contains("\"Failures\":1", StringComparison.Ordinal));

        var handlerLogs = output.Lines
            .Where(l => l.Contains("\"message\":\"Listed orders\"", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        Assert.Equal(new[] { "r1", "r2" }, handlerLogs.Select(l => l.GetProperty("function_request_id").GetString()!).ToArray());
        Assert.Equal([true, false], handlerLogs.Select(l => l.GetProperty("cold_start").GetBoolean()).ToArray());
        Assert.All(handlerLogs, l => Assert.Equal("acme", l.GetProperty("tenant_id").GetString()));
    }
}
