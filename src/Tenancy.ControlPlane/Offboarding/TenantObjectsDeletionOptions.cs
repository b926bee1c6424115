namespace Tenancy.ControlPlane.Offboarding;

/// <summary>The bucket and pacing of <c>tenant-objects-deletion</c>.</summary>
public sealed class TenantObjectsDeletionOptions
{
    public const string BucketVariable = "TENANCY_TENANT_DATA_BUCKET";

    /// <summary>Set (to any value) when the S3 endpoint serves path-style addressing only, as the local cloud does.</summary>
    public const string PathStyleVariable = "TENANCY_S3_FORCE_PATH_STYLE";

    public required string BucketName { get; init; }

    /// <summary>Keys per ListObjectsV2 page and DeleteObjects call (S3's maximum is 1000).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Pages deleted per invocation before returning a cursor, so one invocation stays well inside its timeout.</summary>
    public int MaxPagesPerInvocation { get; init; } = 50;

    /// <summary>Time kept in reserve before the invocation's deadline.</summary>
    public TimeSpan DeadlineMargin { get; init; } = TimeSpan.FromSeconds(10);

    public bool ForcePathStyle { get; init; }

    public static TenantObjectsDeletionOptions FromEnvironment() => new()
    {
        BucketName = Environment.GetEnvironmentVariable(BucketVariable) is { Length: > 0 } bucket
            ? bucket
            : throw new InvalidOperationException($"{BucketVariable} is not set."),
        ForcePathStyle = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PathStyleVariable)),
    };
}
