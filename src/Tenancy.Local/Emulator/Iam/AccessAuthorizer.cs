using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Template;

namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// Decides whether a local principal may perform an action on a resource: the admin principal may do anything; the
/// API principal has exactly ApiFunctionRole's policies; a vended session has its role's policies (from
/// <c>template.yaml</c>), evaluated with its session tags, intersected with any session policy.
/// </summary>
public sealed class AccessAuthorizer
{
    private readonly TenancyTemplate _template;
    private readonly TimeProvider _time;

    public AccessAuthorizer(TenancyTemplate template, TimeProvider time)
    {
        _template = template;
        _time = time;
    }

    public AuthorizationResult Authorize(LocalPrincipal principal, string action, string resource, RequestContext requestKeys)
    {
        if (principal.Kind == PrincipalKind.Admin)
        {
            return AuthorizationResult.Allow;
        }

        var role = principal.RoleName is null ? null : _template.RolesByLogicalId.Values.FirstOrDefault(r => r.Name == principal.RoleName);
        if (role is null)
        {
            return Denied(principal, action, resource, "because no identity-based policy allows the " + action + " action");
        }

        var context = WithPrincipalKeys(requestKeys.Copy(), principal, role);
        var decision = PolicyEvaluator.Evaluate(role.IdentityPolicies, action, resource, context);
        if (decision == PolicyDecision.ExplicitDeny)
        {
            return Denied(principal, action, resource, "with an explicit deny in an identity-based policy");
        }

        if (decision != PolicyDecision.Allow)
        {
            return Denied(principal, action, resource, "because no identity-based policy allows the " + action + " action");
        }

        if (principal.SessionPolicy is { } sessionPolicy && PolicyEvaluator.Evaluate([sessionPolicy], action, resource, context) != PolicyDecision.Allow)
        {
            return Denied(principal, action, resource, "because no session policy allows the " + action + " action");
        }

        return AuthorizationResult.Allow;
    }

    /// <summary>Adds the global keys every request carries: principal ARN, account, tags, source identity, region.</summary>
    public RequestContext WithPrincipalKeys(RequestContext context, LocalPrincipal principal, TemplateRole? role)
    {
        context.Set("aws:PrincipalArn", role?.Arn ?? principal.Arn)
            .Set("aws:PrincipalAccount", LocalAccount.Id)
            .Set("aws:userid", principal.UserId)
            .Set("aws:PrincipalType", principal.Kind == PrincipalKind.Admin ? "Account" : "AssumedRole")
            .Set("aws:RequestedRegion", LocalAccount.Region)
            .Set("aws:SecureTransport", "false")
            .Set("aws:CurrentTime", _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in principal.Tags)
        {
            context.Set("aws:PrincipalTag/" + key, value);
        }

        if (principal.Session?.SourceIdentity is { } sourceIdentity)
        {
            context.Set("aws:SourceIdentity", sourceIdentity);
        }

        return context;
    }

    public static AuthorizationResult Denied(LocalPrincipal principal, string action, string resource, string reason) =>
        new(false, $"User: {principal.Arn} is not authorized to perform: {action} on resource: {resource} {reason}");
}
