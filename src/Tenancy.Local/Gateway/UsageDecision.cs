namespace Tenancy.Local.Gateway;

/// <summary>What a usage plan says about one more request.</summary>
public enum UsageDecision
{
    Allowed,
    Throttled,
    QuotaExceeded,
}
