using Microsoft.Extensions.Logging;
using Tenancy.Isolation;
using Tenancy.Observability.Logging;
using Tenancy.Observability.Tests.Support;
using Tenancy.Testing.Fakes;

namespace Tenancy.Observability.Tests.Logging;

public sealed class LogGoldenLineTests : IDisposable
{
    public void Dispose()
    {
        Invocation.End();
        LogCorrelation.Current = null;
    }

    [Fact]
    public async Task A_typical_entry_inside_an_invocation_has_every_powertools_key_the_tenant_and_the_structured_arguments()
    {
        var log = new TestLogger(Env.Of((EnvironmentVariableNames.ServiceName, "orders")));
        log.Provider.AppendedKeys.Append("deployment", "blue");
        Invocation.Begin("req-1");
        LogCorrelation.Current = "apigw-req-9";
        using var tenant = AmbientTenant.Enter(await TestTenantScopes.CreateAsync("acme", TenantTier.Premium));
        var logger = log.Create();

        using (logger.BeginScope(new Dictionary<string, object?> { ["order_source"] = "web" }))
        {
            logger.LogInformation("Order {OrderId} placed for {Amount}", 42, 19.99m);
        }

        Assert.Equal(
            """{"level":"Information","message":"Order 42 placed for 19.99","timestamp":"2026-11-27T21:30:15.123Z","service":"orders","name":"Orders.Api","cold_start":true,"function_name":"tenancy-api","function_version":"$LATEST","function_memory_size":512,"function_arn":"arn:aws:lambda:eu-west-1:123456789012:function:tenancy-api","function_request_id":"req-1","xray_trace_id":"1-5759e988-bd862e3fe1be46a994272793","correlation_id":"apigw-req-9","tenant_id":"acme","tenant_tier":"Premium","OrderId":42,"Amount":19.99,"order_source":"web","deployment":"blue"}""",
            log.Output.SingleLine());
    }

    [Fact]
    public void Outside_an_invocation_and_a_tenant_the_line_has_only_the_standard_keys_and_the_undefined_service()
    {
        var log = new TestLogger();

        log.Create("Startup").LogWarning("Cache is cold");

        Assert.Equal(
            """{"level":"Warning","message":"Cache is cold","timestamp":"2026-11-27T21:30:15.123Z","service":"service_undefined","name":"Startup"}""",
            log.Output.SingleLine());
    }

    [Fact]
    public void An_exception_is_written_as_exception_name_and_a_powertools_exception_object_with_its_inner_exception()
    {
        var log = new TestLogger(configure: o => o.IncludeCategoryName = false);
        var failure = new InvalidOperationException("Order store unavailable", new TimeoutException("no answer"));

        log.Create().LogError(failure, "Saving failed");

        Assert.Equal(
            """{"level":"Error","message":"Saving failed","timestamp":"2026-11-27T21:30:15.123Z","service":"service_undefined","exception_name":"System.InvalidOperationException","exception":{"type":"System.InvalidOperationException","message":"Order store unavailable","inner_exception":{"type":"System.TimeoutException","message":"no answer"}}}""",
            log.Output.SingleLine());
    }

    [Fact]
    public void A_thrown_exception_carries_its_source_and_stack_trace()
    {
        var log = new TestLogger();
        Exception caught;
        try
        {
            throw new ArgumentException("bad order");
        }
        catch (ArgumentException exception)
        {
            caught = exception;
        }

        log.Create().LogError(caught, "Rejected");

        using var line = log.Output.ParseAll().Single();
        var exceptionObject = line.RootElement.GetProperty("exception");
        Assert.Equal("System.ArgumentException", exceptionObject.GetProperty("type").GetString());
        Assert.Equal("Tenancy.Observability.Tests", exceptionObject.GetProperty("source").GetString());
        Assert.Contains(nameof(A_thrown_exception_carries_its_source_and_stack_trace), exceptionObject.GetProperty("stack_trace").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_first_invocation_of_the_process_is_a_cold_start()
    {
        var log = new TestLogger();
        var logger = log.Create();

        Invocation.Begin("first");
        logger.LogInformation("one");
        logger.LogInformation("two");
        Invocation.Begin("second");
        logger.LogInformation("three");

        var coldStarts = log.Output.ParseAll().Select(line => line.RootElement.GetProperty("cold_start").GetBoolean()).ToArray();
        Assert.Equal([true, true, false], coldStarts);
    }

    [Fact]
    public void The_trace_id_falls_back_to_the_environment_when_the_invocation_has_none()
    {
        var log = new TestLogger(Env.Of((EnvironmentVariableNames.TraceId, "Root=1-aaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=0")));
        Invocation.Begin("req-2", traceHeader: null);

        log.Create().LogInformation("hello");

        using var line = log.Output.ParseAll().Single();
        Assert.Equal("1-aaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbb", line.RootElement.GetProperty("xray_trace_id").GetString());
    }
}
