namespace Tenancy.Local.Emulator.Services.Sts;

/// <summary>What local STS recorded about one vended session (the facts tests assert on).</summary>
/// <param name="Action">The STS action that created it: <c>AssumeRole</c> or <c>AssumeRoleWithWebIdentity</c>.</param>
/// <param name="RoleArn">The assumed role.</param>
/// <param name="SessionName">The RoleSessionName.</param>
/// <param name="AssumedRoleArn">The session's own ARN (<c>arn:aws:sts::…:assumed-role/Role/Session</c>).</param>
/// <param name="AccessKeyId">The vended access key id.</param>
/// <param name="Tags">Session tags (the principal tags every request of the session carries).</param>
/// <param name="TransitiveTagKeys">Tag keys that would pass on to a chained session.</param>
/// <param name="SourceIdentity">The SourceIdentity, if set.</param>
/// <param name="IssuedAt">When the session was created.</param>
/// <param name="Expiration">When its credentials stop working.</param>
/// <param name="CallerArn">Who asked for it (the API principal, or the web identity subject).</param>
public sealed record StsSession(
    string Action,
    string RoleArn,
    string SessionName,
    string AssumedRoleArn,
    string AccessKeyId,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> TransitiveTagKeys,
    string? SourceIdentity,
    DateTimeOffset IssuedAt,
    DateTimeOffset Expiration,
    string CallerArn);
