using Microsoft.Extensions.Logging;
using Tenancy.Observability.Logging;

namespace Tenancy.Observability.Tests.Support;

/// <summary>A provider wired to a captured output, a fixed clock, a fixed environment and its own cold-start tracker.</summary>
internal sealed class TestLogger
{
    public TestLogger(IEnvironmentReader? environment = null, Action<TenancyLoggerOptions>? configure = null)
    {
        var options = new TenancyLoggerOptions
        {
            Output = Output,
            TimeProvider = GoldenClock.Create(),
            Environment = environment ?? Env.Empty,
            ColdStart = new ColdStartTracker(),
        };
        configure?.Invoke(options);
        Provider = new TenancyLoggerProvider(options);
    }

    public CapturedOutput Output { get; } = new();

    public TenancyLoggerProvider Provider { get; }

    public ILogger Create(string category = "Orders.Api") => Provider.CreateLogger(category);
}
