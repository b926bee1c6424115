using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Tenancy.Identity;

/// <summary>
/// The issuer's RS256 signing keys by <c>kid</c>, fetched from its JWKS and cached. Keys are refreshed after
/// <see cref="RefreshInterval"/>; a token signed with an unknown <c>kid</c> (key rotation) triggers a refetch, at most
/// once per <see cref="UnknownKeyRefetchInterval"/> so forged <c>kid</c>s cannot turn the API into a JWKS flooder.
/// Refetches are single-flight; a failed refetch keeps the keys already known.
/// </summary>
public sealed class JwksKeyStore
{
    /// <summary>How long fetched keys are used before they are fetched again.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(1);
    /// <summary>The least time between two fetches caused by an unknown <c>kid</c>.</summary>
    public static readonly TimeSpan UnknownKeyRefetchInterval = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Uri _jwksUri;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile IReadOnlyDictionary<string, SecurityKey> _keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastAttemptAt = DateTimeOffset.MinValue;
    private long _fetchCount;

    /// <summary>Creates a store that fetches <paramref name="jwksUri"/> with <paramref name="http"/>.</summary>
    /// <param name="http">The client used to download the key set.</param>
    /// <param name="jwksUri">The issuer's JWKS address.</param>
    /// <param name="time">The clock refresh intervals are measured with.</param>
    /// <param name="logger">Where failed fetches are reported.</param>
    public JwksKeyStore(HttpClient http, Uri jwksUri, TimeProvider time, ILogger logger)
    {
        _http = http;
        _jwksUri = jwksUri;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many times the JWKS was downloaded (for tests and diagnostics).</summary>
    public long FetchCount => Interlocked.Read(ref _fetchCount);

    /// <summary>The key with <paramref name="keyId"/>, or null when the issuer does not publish it (even after a refetch).</summary>
    /// <param name="keyId">The token's <c>kid</c>.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The RS256 key, or null.</returns>
    public async ValueTask<SecurityKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _fetchedAt < RefreshInterval && _keys.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        await RefreshAsync(now, force: !_keys.ContainsKey(keyId), cancellationToken).ConfigureAwait(false);
        return _keys.TryGetValue(keyId, out var key) ? key : null;
    }

    private async Task RefreshAsync(DateTimeOffset requestedAt, bool force, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_fetchedAt >= requestedAt || (!force && requestedAt - _fetchedAt < RefreshInterval))
            {
                return;
            }

            if (_time.GetUtcNow() - _lastAttemptAt < UnknownKeyRefetchInterval)
            {
                return;
            }

            _lastAttemptAt = _time.GetUtcNow();
            try
            {
                using var response = await _http.GetAsync(_jwksUri, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                _keys = ParseSigningKeys(json);
                _fetchedAt = _time.GetUtcNow();
                Interlocked.Increment(ref _fetchCount);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException)
            {
                _logger.LogWarning(ex, "Fetching the issuer's signing keys from {JwksUri} failed; keeping {KeyCount} known keys.", _jwksUri, _keys.Count);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Only RSA signature keys with a <c>kid</c>, declared for RS256 or for no particular algorithm.</summary>
    internal static Dictionary<string, SecurityKey> ParseSigningKeys(string json)
    {
        var set = new JsonWebKeySet(json);
        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (key.Kty != JsonWebAlgorithmsKeyTypes.RSA || string.IsNullOrEmpty(key.Kid))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(key.Use) && key.Use != JsonWebKeyUseNames.Sig)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(key.Alg) && key.Alg != SecurityAlgorithms.RsaSha256)
            {
                continue;
            }

            keys[key.Kid] = key;
        }

        return keys;
    }
}
