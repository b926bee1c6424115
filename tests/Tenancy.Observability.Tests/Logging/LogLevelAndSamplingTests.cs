using Microsoft.Extensions.Logging;
using Tenancy.Observability.Tests.Support;

namespace Tenancy.Observability.Tests.Logging;

public sealed class LogLevelAndSamplingTests : IDisposable
{
    public void Dispose() => Invocation.End();

    [Theory]
    [InlineData(null, null, null, LogLevel.Information)]
    [InlineData(null, null, LogLevel.Debug, LogLevel.Debug)]
    [InlineData(null, "warn", LogLevel.Debug, LogLevel.Warning)]
    [InlineData(null, "Error", null, LogLevel.Error)]
    [InlineData("FATAL", "DEBUG", LogLevel.Trace, LogLevel.Critical)]
    [InlineData("TRACE", null, null, LogLevel.Trace)]
    [InlineData("not-a-level", "nonsense", LogLevel.Warning, LogLevel.Warning)]
    public void The_lambda_level_wins_then_the_powertools_level_then_the_options(string? lambdaLevel, string? powertoolsLevel, LogLevel? optionLevel, LogLevel expected)
    {
        var variables = new List<(string, string)>();
        if (lambdaLevel is not null)
        {
            variables.Add((EnvironmentVariableNames.LambdaLogLevel, lambdaLevel));
        }

        if (powertoolsLevel is not null)
        {
            variables.Add((EnvironmentVariableNames.PowertoolsLogLevel, powertoolsLevel));
        }

        var log = new TestLogger(Env.Of([.. variables]), o => o.MinimumLevel = optionLevel);

        Assert.Equal(expected, log.Provider.MinimumLevel);
        var logger = log.Create();
        Assert.Equal(expected <= LogLevel.Debug, logger.IsEnabled(LogLevel.Debug));
        Assert.True(logger.IsEnabled(LogLevel.Critical));
    }

    [Fact]
    public void A_configured_level_below_the_lambda_level_is_reported_once_as_a_warning()
    {
        var log = new TestLogger(Env.Of((EnvironmentVariableNames.LambdaLogLevel, "WARN"), (EnvironmentVariableNames.PowertoolsLogLevel, "DEBUG")));

        var line = log.Output.SingleLine();

        Assert.Contains("\"level\":\"Warning\"", line, StringComparison.Ordinal);
        Assert.Contains("Current log level (Debug) does not match AWS Lambda Advanced Logging Controls minimum log level (Warning)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sampled_invocation_logs_debug_announces_it_once_and_every_line_carries_the_rate()
    {
        var dice = new Queue<double>([0.05, 0.95]);
        var log = new TestLogger(Env.Of((EnvironmentVariableNames.LoggerSampleRate, "0.1")), o => o.SamplerRandom = dice.Dequeue);
        var logger = log.Create();

        Invocation.Begin("sampled");
        logger.LogDebug("debug one");
        logger.LogDebug("debug two");
        Invocation.Begin("not-sampled");
        logger.LogDebug("debug three");
        logger.LogInformation("info");

        var lines = log.Output.ParseAll();
        Assert.Equal(
            new[] { "Changed log level to DEBUG based on Sampling configuration. Sampling Rate: 0.1, Sampler Value: 0.05.", "debug one", "debug two", "info" },
            lines.Select(l => l.RootElement.GetProperty("message").GetString()!).ToArray());
        Assert.All(lines, l => Assert.Equal(0.1, l.RootElement.GetProperty("sampling_rate").GetDouble()));
        Assert.Empty(dice);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.2")]
    [InlineData("abc")]
    [InlineData("0")]
    public void Invalid_or_zero_sampling_rates_are_ignored(string rate)
    {
        var log = new TestLogger(Env.Of((EnvironmentVariableNames.LoggerSampleRate, rate)), o => o.SamplerRandom = () => 0);

        log.Create().LogDebug("never");
        log.Create().LogInformation("shown");

        using var line = log.Output.ParseAll().Single();
        Assert.False(line.RootElement.TryGetProperty("sampling_rate", out _));
    }
}
