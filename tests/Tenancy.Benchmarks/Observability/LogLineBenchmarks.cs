using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using Tenancy.Isolation;
using Tenancy.Lambda;
using Tenancy.Observability;
using Tenancy.Observability.Logging;
using Tenancy.Testing.Fakes;

namespace Tenancy.Benchmarks.Observability;

/// <summary>
/// The cost of one typical log line inside a Lambda invocation with a tenant scope: all Powertools keys, the tenant,
/// two template arguments and one appended key, written to a discarding sink.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class LogLineBenchmarks
{
    private static readonly Action<ILogger, int, decimal, Exception?> OrderPlaced =
        LoggerMessage.Define<int, decimal>(LogLevel.Information, new EventId(1, "OrderPlaced"), "Order {OrderId} placed for {Amount}");

    private ILogger _logger = null!;
    private IDisposable? _tenant;

    [GlobalSetup]
    public void Setup()
    {
        var options = new TenancyLoggerOptions
        {
            Service = "orders",
            Environment = new DictionaryEnvironmentReader(new Dictionary<string, string>()),
            LineOutputOverride = new DiscardingLineOutput(),
        };
        options.AppendedKeys.Append("deployment", "blue");
        _logger = new TenancyLoggerProvider(options).CreateLogger("Orders.Api");

        // Set synchronously, so the values stay on this thread's execution context for the measured calls.
        LambdaInvocationContext.Current = new LambdaInvocationContext(
            "8f5b4e1c-0d2a-4c8e-9b1f-1a2b3c4d5e6f",
            DateTimeOffset.UtcNow.AddMinutes(5),
            "arn:aws:lambda:eu-west-1:123456789012:function:tenancy-api",
            new LambdaFunctionSettings("tenancy-api", "$LATEST", 512, "/aws/lambda/tenancy-api", "stream", "eu-west-1"),
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        LogCorrelation.Current = "apigw-request-1";
        _tenant = AmbientTenant.Enter(TestTenantScopes.CreateAsync("acme", TenantTier.Premium, "bench").GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup() => _tenant?.Dispose();

    [Benchmark(Baseline = true, Description = "LogInformation(template, 2 args)")]
    public void TypicalLine() => _logger.LogInformation("Order {OrderId} placed for {Amount}", 42, 19.99m);

    [Benchmark(Description = "LoggerMessage.Define (2 args)")]
    public void LoggerMessageLine() => OrderPlaced(_logger, 42, 19.99m, null);

    [Benchmark(Description = "Filtered out (Debug below Information)")]
    public void FilteredLine() => _logger.LogDebug("Order {OrderId} placed for {Amount}", 42, 19.99m);
}
