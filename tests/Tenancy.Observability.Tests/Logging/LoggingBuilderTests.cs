using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Observability.Logging;
using Tenancy.Observability.Tests.Support;

namespace Tenancy.Observability.Tests.Logging;

public sealed class LoggingBuilderTests
{
    [Fact]
    public void AddTenancyJsonLogger_plugs_into_the_logger_factory_with_scopes_and_its_own_level()
    {
        var output = new CapturedOutput();
        using var services = new ServiceCollection()
            .AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddTenancyJsonLogger(o =>
                {
                    o.Output = output;
                    o.Service = "api";
                    o.MinimumLevel = LogLevel.Debug;
                    o.TimeProvider = GoldenClock.Create();
                    o.Environment = Env.Empty;
                    o.IncludeCategoryName = false;
                }))
            .BuildServiceProvider();
        var logger = services.GetRequiredService<ILogger<LoggingBuilderTests>>();
        services.GetRequiredService<AppendedLogKeys>().Append("stage", "test");

        using (logger.BeginScope(new Dictionary<string, object?> { ["route"] = "/orders" }))
        {
            logger.LogDebug("Debug passes the framework filter because the provider filters itself");
        }

        logger.LogTrace("below Debug");

        Assert.Equal(
            """{"level":"Debug","message":"Debug passes the framework filter because the provider filters itself","timestamp":"2026-11-27T21:30:15.123Z","service":"api","route":"/orders","stage":"test"}""",
            output.SingleLine());
    }
}
