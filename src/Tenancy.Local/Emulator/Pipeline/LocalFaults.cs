using System.Collections.Concurrent;

namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>
/// Fault switches for resilience tests: while a fault is set for a service (all operations, or one), the pipeline
/// answers that service's requests with the fault's error after counting them and before verifying or handling them,
/// so nothing is changed. Faulted requests are counted as <c>fault:&lt;service&gt;:&lt;Operation&gt;</c>.
/// </summary>
public sealed class LocalFaults
{
    private const string AnyOperation = "*";
    private readonly ConcurrentDictionary<(string Service, string Operation), LocalFaultKind> _active = new();

    /// <summary>Whether any fault is set (the pipeline's fast path).</summary>
    public bool IsEmpty => _active.IsEmpty;

    /// <summary>Makes <paramref name="service"/> (<c>sts</c>, <c>kms</c>, <c>dynamodb</c>, <c>cognito-idp</c>) fail every operation, or only <paramref name="operation"/>.</summary>
    public void Set(string service, LocalFaultKind kind, string? operation = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        _active[(service, operation ?? AnyOperation)] = kind;
    }

    /// <summary>Removes the fault set for <paramref name="service"/> and <paramref name="operation"/> (null: the whole-service fault).</summary>
    public void Clear(string service, string? operation = null) => _active.TryRemove((service, operation ?? AnyOperation), out _);

    /// <summary>Removes every fault.</summary>
    public void ClearAll() => _active.Clear();

    /// <summary>The fault in effect for one request, if any (an operation's own fault wins over the whole-service one).</summary>
    public LocalFaultKind? For(string service, string operation)
    {
        if (_active.IsEmpty)
        {
            return null;
        }

        if (_active.TryGetValue((service, operation), out var kind) || _active.TryGetValue((service, AnyOperation), out kind))
        {
            return kind;
        }

        return null;
    }

    /// <summary>The error a service answers with under <paramref name="kind"/>.</summary>
    public static AwsServiceException ErrorFor(string service, LocalFaultKind kind) => kind switch
    {
        LocalFaultKind.Throttle when service == "sts" => new AwsServiceException(400, "Throttling", "Rate exceeded"),
        LocalFaultKind.Throttle => new AwsServiceException(400, "ThrottlingException", "Rate exceeded"),
        _ => new AwsServiceException(503, "ServiceUnavailable", "Service is unavailable. Please retry."),
    };
}
