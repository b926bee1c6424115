using Tenancy.Local.Emulator.Services.Sts;

namespace Tenancy.Local.Emulator.Auth;

/// <summary>The identity behind an access key: what it is, its ARN, and for vended sessions the session record.</summary>
public sealed class LocalPrincipal
{
    public LocalPrincipal(PrincipalKind kind, LocalCredentials credentials, string arn, string userId, string? roleName, StsSession? session)
    {
        Kind = kind;
        Credentials = credentials;
        Arn = arn;
        UserId = userId;
        RoleName = roleName;
        Session = session;
    }

    public PrincipalKind Kind { get; }

    public LocalCredentials Credentials { get; }

    /// <summary>The caller ARN AWS reports (<c>assumed-role/…</c> for role sessions).</summary>
    public string Arn { get; }

    public string UserId { get; }

    /// <summary>The role whose identity policies apply, or null for the admin principal.</summary>
    public string? RoleName { get; }

    public StsSession? Session { get; }

    /// <summary>The inline session policy passed to AssumeRole, which further limits the role's permissions.</summary>
    public Iam.PolicyDocument? SessionPolicy { get; init; }

    public IReadOnlyDictionary<string, string> Tags => Session?.Tags ?? EmptyTags;

    private static readonly IReadOnlyDictionary<string, string> EmptyTags = new Dictionary<string, string>();
}
