namespace Tenancy.Isolation.Repositories;

/// <summary>One page of a query: at most <see cref="Limit"/> items, continuing after an opaque token from a previous page.</summary>
public readonly record struct PageRequest
{
    /// <summary>The largest page a caller may ask for, which bounds the work and memory of one request.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Asks for up to <paramref name="limit"/> items, continuing after <paramref name="continuationToken"/> when given.</summary>
    public PageRequest(int limit, string? continuationToken = null)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1 to {MaxLimit} items.");
        }

        Limit = limit;
        ContinuationToken = continuationToken;
    }

    /// <summary>The most items the page may hold.</summary>
    public int Limit { get; }

    /// <summary>The token of the previous page, or null for the first page.</summary>
    public string? ContinuationToken { get; }

    /// <summary>The first page of up to <paramref name="limit"/> items.</summary>
    public static PageRequest First(int limit) => new(limit);
}
