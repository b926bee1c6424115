using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tenancy.Isolation;
using Tenancy.Lambda;

namespace Tenancy.Observability.Logging;

/// <summary>
/// Turns one log call into one Powertools-shaped JSON line. Key order: the standard keys, the tenant, then template
/// arguments, scope pairs (innermost first) and appended keys — the first source of a key wins — then the exception.
/// </summary>
internal sealed class LogEntryWriter(LoggerSettings settings)
{
    private long _writeFailures;

    /// <summary>Lines that could not be written as intended (a fallback line or nothing was written instead).</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    public void CountFailure() => Interlocked.Increment(ref _writeFailures);

    public void Write<TState>(
        string category,
        LogLevel level,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string>? formatter,
        IExternalScopeProvider? scopes)
    {
        using var buffer = JsonLineBuffer.Rent();
        string? message = null;
        try
        {
            message = FormatMessage(state, exception, formatter);
            WriteEntry(buffer, category, level, message, state, exception, scopes);
            buffer.Complete();
            settings.Output.WriteLine(buffer.Line);
        }
        catch (Exception failure)
        {
            Interlocked.Increment(ref _writeFailures);
            WriteFallback(buffer, level, message, failure);
        }
    }

    /// <summary>Writes a line the logger composes itself (sampling notice, level mismatch warning).</summary>
    public void WriteInternal(LogLevel level, string message) =>
        Write(typeof(LogEntryWriter).Namespace!, level, message, null, static (text, _) => text, scopes: null);

    private static string FormatMessage<TState>(TState state, Exception? exception, Func<TState, Exception?, string>? formatter)
    {
        try
        {
            return formatter is not null ? formatter(state, exception) ?? string.Empty : state?.ToString() ?? string.Empty;
        }
        catch (Exception failure)
        {
            return "<" + failure.GetType().Name + " while formatting message>";
        }
    }

    private void WriteEntry<TState>(
        JsonLineBuffer buffer,
        string category,
        LogLevel level,
        string message,
        TState state,
        Exception? exception,
        IExternalScopeProvider? scopes)
    {
        var writer = buffer.Writer;
        writer.WriteStartObject();
        writer.WriteString(ReservedLogKeys.Level, LogLevelNames.ToJsonName(level));
        writer.WritePropertyName(ReservedLogKeys.Message);
        WriteMessage(writer, message, state);
        WriteTimestamp(writer);
        writer.WriteString(ReservedLogKeys.Service, settings.Service);
        if (settings.IncludeCategoryName)
        {
            writer.WritePropertyName(ReservedLogKeys.Name);
            JsonValueWriter.WriteString(writer, category);
        }

        WriteInvocation(writer);
        WriteCorrelationAndSampling(writer);
        WriteTenant(writer);

        var written = buffer.WrittenKeys;
        WriteStateKeys(writer, written, state);
        if (scopes is not null && settings.IncludeScopes)
        {
            WriteScopeKeys(buffer, scopes);
        }

        foreach (var pair in settings.AppendedKeys.Snapshot)
        {
            WriteCustomKey(writer, written, pair.Key, pair.Value);
        }

        if (exception is not null)
        {
            writer.WriteString(ReservedLogKeys.ExceptionName, SafeTypeName(exception));
            writer.WritePropertyName(ReservedLogKeys.Exception);
            ExceptionJsonWriter.Write(writer, exception);
        }

        writer.WriteEndObject();
    }

    private static void WriteMessage<TState>(Utf8JsonWriter writer, string message, TState state)
    {
        if (state is IncomingEvent)
        {
            JsonDocument? parsed = null;
            try
            {
                parsed = JsonDocument.Parse(message);
            }
            catch (JsonException)
            {
                // Not JSON: logged as text below.
            }

            if (parsed is not null)
            {
                // Re-written compactly: the event is the message object, as Powertools logs it, on one line.
                using (parsed)
                {
                    parsed.RootElement.WriteTo(writer);
                }

                return;
            }
        }

        JsonValueWriter.WriteString(writer, message);
    }

    private void WriteTimestamp(Utf8JsonWriter writer)
    {
        // The round-trip format has a fast path; its first 23 characters are ISO 8601 to the millisecond.
        Span<char> text = stackalloc char[33];
        var now = settings.TimeProvider.GetUtcNow().UtcDateTime;
        now.TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
        text[23] = 'Z';
        writer.WriteString(ReservedLogKeys.Timestamp, text[..24]);
    }

    private void WriteInvocation(Utf8JsonWriter writer)
    {
        var invocation = LambdaInvocationContext.Current;
        if (invocation is null)
        {
            return;
        }

        var function = invocation.Function;
        writer.WriteBoolean(ReservedLogKeys.ColdStart, settings.ColdStart.IsColdStart(invocation));
        writer.WriteString(ReservedLogKeys.FunctionName, function.FunctionName);
        writer.WriteString(ReservedLogKeys.FunctionVersion, function.FunctionVersion);
        writer.WriteNumber(ReservedLogKeys.FunctionMemorySize, function.MemoryLimitInMB);
        writer.WriteString(ReservedLogKeys.FunctionArn, invocation.InvokedFunctionArn);
        writer.WriteString(ReservedLogKeys.FunctionRequestId, invocation.AwsRequestId);

        var traceId = XRayTraceId.FromHeader(invocation.TraceId ?? settings.Environment.Get(EnvironmentVariableNames.TraceId));
        if (traceId is not null)
        {
            writer.WriteString(ReservedLogKeys.XRayTraceId, traceId);
        }
    }

    private void WriteCorrelationAndSampling(Utf8JsonWriter writer)
    {
        var correlationId = LogCorrelation.Current;
        if (correlationId is not null)
        {
            writer.WritePropertyName(ReservedLogKeys.CorrelationId);
            JsonValueWriter.WriteString(writer, correlationId);
        }

        if (settings.SamplingRate > 0)
        {
            writer.WriteNumber(ReservedLogKeys.SamplingRate, settings.SamplingRate);
        }
    }

    private static void WriteTenant(Utf8JsonWriter writer)
    {
        var tenant = AmbientTenant.Current;
        if (tenant is null)
        {
            return;
        }

        writer.WriteString(ReservedLogKeys.TenantId, tenant.TenantId.Value);
        writer.WriteString(ReservedLogKeys.TenantTier, TenantTierNames.ToName(tenant.Tier));
    }

    private static void WriteStateKeys<TState>(Utf8JsonWriter writer, HashSet<string> written, TState state)
    {
        switch (state)
        {
            case IReadOnlyList<KeyValuePair<string, object?>> list:
                for (var i = 0; i < list.Count; i++)
                {
                    var pair = list[i];
                    WriteCustomKey(writer, written, pair.Key, pair.Value);
                }

                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var pair in pairs)
                {
                    WriteCustomKey(writer, written, pair.Key, pair.Value);
                }

                break;
        }
    }

    private static void WriteScopeKeys(JsonLineBuffer buffer, IExternalScopeProvider scopes)
    {
        var pairs = buffer.ScopePairs;
        scopes.ForEachScope(
            static (scope, collected) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopePairs)
                {
                    collected.AddRange(scopePairs);
                }
            },
            pairs);

        // ForEachScope reports the outermost scope first; the innermost value of a key should win.
        for (var i = pairs.Count - 1; i >= 0; i--)
        {
            WriteCustomKey(buffer.Writer, buffer.WrittenKeys, pairs[i].Key, pairs[i].Value);
        }
    }

    private static void WriteCustomKey(Utf8JsonWriter writer, HashSet<string> written, string? key, object? value)
    {
        if (string.IsNullOrEmpty(key) || key == "{OriginalFormat}")
        {
            return;
        }

        // {@Order} in a template means "serialise the object": the key is still Order.
        if (key[0] == '@' && key.Length > 1)
        {
            key = key[1..];
        }

        if (ReservedLogKeys.All.Contains(key) || !written.Add(key))
        {
            return;
        }

        JsonValueWriter.WriteProperty(writer, key, value);
    }

    private void WriteFallback(JsonLineBuffer buffer, LogLevel level, string? message, Exception failure)
    {
        try
        {
            buffer.Restart();
            var writer = buffer.Writer;
            writer.WriteStartObject();
            writer.WriteString(ReservedLogKeys.Level, LogLevelNames.ToJsonName(level));
            writer.WritePropertyName(ReservedLogKeys.Message);
            JsonValueWriter.WriteString(writer, message ?? "<message unavailable>");
            WriteTimestamp(writer);
            writer.WriteString(ReservedLogKeys.Service, settings.Service);
            writer.WriteString("logging_error", SafeTypeName(failure));
            writer.WriteEndObject();
            buffer.Complete();
            settings.Output.WriteLine(buffer.Line);
        }
        catch (Exception)
        {
            // The output itself is broken: a logger must never take the application down with it.
            Interlocked.Increment(ref _writeFailures);
        }
    }

    private static string SafeTypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;
}
