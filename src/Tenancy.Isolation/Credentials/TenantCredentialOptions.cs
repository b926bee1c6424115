using System.Globalization;

namespace Tenancy.Isolation.Credentials;

/// <summary>
/// Settings of <see cref="StsTenantClientProvider"/>. Only <see cref="RoleArn"/> is required. Endpoints follow the
/// standard SDK resolution (<c>AWS_ENDPOINT_URL_STS</c>, <c>AWS_ENDPOINT_URL_DYNAMODB</c>, <c>AWS_ENDPOINT_URL_KMS</c>,
/// <c>AWS_ENDPOINT_URL_S3</c>, shared config) unless a service URL is set here.
/// </summary>
public sealed class TenantCredentialOptions
{
    /// <summary>Environment variable (set by template.yaml) holding the tenant data role ARN.</summary>
    public const string RoleArnVariable = "TENANCY_TENANT_DATA_ROLE_ARN";

    /// <summary>Environment variable (set by template.yaml) holding the session duration in seconds.</summary>
    public const string DurationVariable = "TENANCY_CREDENTIAL_DURATION_SECONDS";

    /// <summary>The tenant-scoped role (template.yaml <c>TenantDataRole</c>).</summary>
    public required string RoleArn { get; init; }

    /// <summary>Region of STS and the tenant clients; null uses the SDK's resolution (<c>AWS_REGION</c>, profile).</summary>
    public string? Region { get; init; }

    /// <summary>Lifetime requested for each session (STS allows 15 min up to the role's maximum).</summary>
    public TimeSpan SessionDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Sessions are renewed this long before they expire, so no request runs on credentials about to lapse.</summary>
    public TimeSpan RefreshBeforeExpiry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>After a failed renewal, the still-valid session is served without retrying STS for this long.</summary>
    public TimeSpan RetryAfterFailedRefresh { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many sessions are cached; the least recently used is dropped and its clients disposed.</summary>
    public int MaxCachedSessions { get; init; } = 1024;

    /// <summary>
    /// False (default): one session per tenant, whose <c>SourceIdentity</c> is the user whose request vended it.
    /// True: one session per tenant and user, so every user's AWS calls carry their own <c>SourceIdentity</c>
    /// (more STS calls and sessions).
    /// </summary>
    public bool SessionPerUser { get; init; }

    /// <summary>First part of <c>RoleSessionName</c>: <c>&lt;prefix&gt;-&lt;tenant&gt;-&lt;user hash&gt;</c>.</summary>
    public string SessionNamePrefix { get; init; } = "tenancy";

    /// <summary>How tenant credentials are obtained; <c>AssumeRole</c> unless configured otherwise.</summary>
    public CredentialVendingMode Mode { get; init; } = CredentialVendingMode.AssumeRole;

    /// <summary>Required in <see cref="CredentialVendingMode.AssumeRoleWithWebIdentity"/> mode.</summary>
    public WebIdentityTokenSource? WebIdentityToken { get; init; }

    /// <summary>Explicit STS endpoint (tests, local cloud); null uses the SDK's resolution.</summary>
    public string? StsServiceUrl { get; init; }

    /// <summary>Explicit DynamoDB endpoint for tenant clients; null uses the SDK's resolution.</summary>
    public string? DynamoDbServiceUrl { get; init; }

    /// <summary>Explicit KMS endpoint for tenant clients; null uses the SDK's resolution.</summary>
    public string? KmsServiceUrl { get; init; }

    /// <summary>Explicit S3 endpoint for tenant clients (path-style addressing is used with it); null uses the SDK's resolution.</summary>
    public string? S3ServiceUrl { get; init; }

    /// <summary>Options from the variables template.yaml sets (<see cref="RoleArnVariable"/>, <see cref="DurationVariable"/>).</summary>
    public static TenantCredentialOptions FromEnvironment()
    {
        var roleArn = Environment.GetEnvironmentVariable(RoleArnVariable);
        if (string.IsNullOrWhiteSpace(roleArn))
        {
            throw new InvalidOperationException($"{RoleArnVariable} is not set: the tenant data role ARN is required to vend tenant credentials.");
        }

        var duration = Environment.GetEnvironmentVariable(DurationVariable);
        return new TenantCredentialOptions
        {
            RoleArn = roleArn,
            SessionDuration = int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromHours(1),
        };
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(RoleArn) || !RoleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new ArgumentException("RoleArn must be the ARN of the tenant data role.", nameof(RoleArn));
        }

        if (SessionDuration < TimeSpan.FromMinutes(15) || SessionDuration > TimeSpan.FromHours(12))
        {
            throw new ArgumentOutOfRangeException(nameof(SessionDuration), SessionDuration, "STS sessions last 15 minutes to 12 hours.");
        }

        if (RefreshBeforeExpiry < TimeSpan.Zero || RefreshBeforeExpiry >= SessionDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshBeforeExpiry), RefreshBeforeExpiry, "Must be shorter than the session duration.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(RetryAfterFailedRefresh.Ticks, nameof(RetryAfterFailedRefresh));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCachedSessions, 1, nameof(MaxCachedSessions));
        if (!TenantSessionName.IsValidPrefix(SessionNamePrefix))
        {
            throw new ArgumentException("SessionNamePrefix must be 1-16 characters of [A-Za-z0-9_+=,.@-].", nameof(SessionNamePrefix));
        }

        if (Mode == CredentialVendingMode.AssumeRoleWithWebIdentity && WebIdentityToken is null)
        {
            throw new ArgumentException("AssumeRoleWithWebIdentity mode needs a WebIdentityToken source.", nameof(WebIdentityToken));
        }
    }
}
