namespace Tenancy.Isolation;

/// <summary>
/// The tenant scope of the current asynchronous flow, for cross-cutting concerns only (log enrichment, metrics).
/// Data access never reads it: repositories take the scope as a parameter so the compiler can check it.
/// </summary>
public static class AmbientTenant
{
    private static readonly AsyncLocal<TenantScope?> CurrentScope = new();

    /// <summary>The scope of the request in progress on this asynchronous flow, or null outside one.</summary>
    public static TenantScope? Current => CurrentScope.Value;

    /// <summary>Makes <paramref name="scope"/> current until the returned handle is disposed.</summary>
    public static IDisposable Enter(TenantScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var previous = CurrentScope.Value;
        CurrentScope.Value = scope;
        return new Restorer(previous);
    }

    private sealed class Restorer(TenantScope? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                CurrentScope.Value = previous;
            }
        }
    }
}
