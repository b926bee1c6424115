namespace Tenancy.Isolation.Repositories;

/// <summary>One page of a query: at most <see cref="Limit"/> items, continuing after an opaque token from a previous page.</summary>
public readonly record struct PageRequest
{
    public const int MaxLimit = 1000;

    public PageRequest(int limit, string? continuationToken = null)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1 to {MaxLimit} items.");
        }

        Limit = limit;
        ContinuationToken = continuationToken;
    }

    public int Limit { get; }

    public string? ContinuationToken { get; }

    public static PageRequest First(int limit) => new(limit);
}
