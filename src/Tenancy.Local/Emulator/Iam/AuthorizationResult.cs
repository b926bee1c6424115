namespace Tenancy.Local.Emulator.Iam;

/// <summary>Whether a principal may perform an action on a resource, and AWS's wording when it may not.</summary>
public sealed record AuthorizationResult(bool Allowed, string Message)
{
    public static readonly AuthorizationResult Allow = new(true, string.Empty);
}
