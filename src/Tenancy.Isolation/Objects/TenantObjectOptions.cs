namespace Tenancy.Isolation.Objects;

/// <summary>Where tenant objects are stored and what the store accepts.</summary>
public sealed class TenantObjectOptions
{
    /// <summary>Environment variable (set by template.yaml) holding the tenant data bucket's name.</summary>
    public const string BucketVariable = "TENANCY_TENANT_DATA_BUCKET";

    /// <summary>The default size limit: 5 MiB, well under what one Lambda invocation can carry.</summary>
    public const int DefaultMaxObjectBytes = 5 * 1024 * 1024;

    /// <summary>The tenant data bucket.</summary>
    public required string BucketName { get; init; }

    /// <summary>The largest object (plaintext bytes) the store accepts.</summary>
    public int MaxObjectBytes { get; init; } = DefaultMaxObjectBytes;

    /// <summary>Content types (media type only, lower case) the store accepts.</summary>
    public IReadOnlySet<string> AllowedContentTypes { get; init; } = DefaultAllowedContentTypes;

    /// <summary>The content types accepted unless <see cref="AllowedContentTypes"/> says otherwise.</summary>
    public static IReadOnlySet<string> DefaultAllowedContentTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "application/pdf",
        "application/json",
        "image/png",
        "image/jpeg",
        "text/plain",
        "text/csv",
    };

    /// <summary>Whether objects are envelope-encrypted under the tenant's key before they reach S3 (default on).</summary>
    public bool EncryptObjects { get; init; } = true;

    /// <summary>The options from <see cref="BucketVariable"/>; throws when it is not set.</summary>
    public static TenantObjectOptions FromEnvironment() => new()
    {
        BucketName = Environment.GetEnvironmentVariable(BucketVariable) is { Length: > 0 } bucket
            ? bucket
            : throw new InvalidOperationException($"{BucketVariable} is not set."),
    };
}
