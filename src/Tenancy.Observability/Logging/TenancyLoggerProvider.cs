using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tenancy.Observability.Logging;

/// <summary>
/// The Powertools-compatible JSON logger provider: one compact JSON object per line on stdout (or
/// <see cref="TenancyLoggerOptions.Output"/>), thread-safe, and it never throws into the application.
/// </summary>
[ProviderAlias("TenancyJson")]
public sealed class TenancyLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentDictionary<string, TenancyLogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Creates the provider from options bound by the host.</summary>
    public TenancyLoggerProvider(IOptions<TenancyLoggerOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates the provider from options built in code.</summary>
    public TenancyLoggerProvider(TenancyLoggerOptions options)
    {
        Settings = LoggerSettings.Resolve(options);
        EntryWriter = new LogEntryWriter(Settings);
        if (Settings.LevelMismatchWarning is { } warning)
        {
            EntryWriter.WriteInternal(LogLevel.Warning, warning);
        }
    }

    /// <summary>The keys appended to every line (Powertools' <c>AppendKey</c>/<c>RemoveKeys</c>).</summary>
    public AppendedLogKeys AppendedKeys => Settings.AppendedKeys;

    /// <summary>The level in force after <c>AWS_LAMBDA_LOG_LEVEL</c>, <c>POWERTOOLS_LOG_LEVEL</c> and the options.</summary>
    public LogLevel MinimumLevel => Settings.MinimumLevel;

    /// <summary>The service name written on every line.</summary>
    public string Service => Settings.Service;

    /// <summary>How many lines could not be written as intended. Failures are counted, never thrown.</summary>
    public long WriteFailures => EntryWriter.WriteFailures;

    internal LoggerSettings Settings { get; }

    internal LogEntryWriter EntryWriter { get; }

    internal IExternalScopeProvider ScopeProvider { get; private set; } = new LoggerExternalScopeProvider();

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName ?? string.Empty, static (name, provider) => new TenancyLogger(name, provider), this);

    /// <inheritdoc/>
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) =>
        ScopeProvider = scopeProvider ?? throw new ArgumentNullException(nameof(scopeProvider));

    /// <inheritdoc/>
    public void Dispose() => _loggers.Clear();
}
