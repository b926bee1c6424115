using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;
using Tenancy.Local.Emulator.Template;
using static Tenancy.Local.Emulator.Protocol.AwsQueryResponse;

namespace Tenancy.Local.Emulator.Services.Sts;

/// <summary>
/// Local STS over the awsQuery protocol: AssumeRole (signed by a principal the role's trust policy and the caller's
/// own policies allow, with tags and source identity), AssumeRoleWithWebIdentity (token verified by the local
/// issuer, tags from its <c>https://aws.amazon.com/tags</c> claim) and GetCallerIdentity. Every vended session is
/// recorded and its credentials registered for SigV4 and IAM checks.
/// </summary>
public sealed class StsService : ILocalService
{
    private readonly CredentialStore _credentials;
    private readonly AccessAuthorizer _authorizer;
    private readonly TenancyTemplate _template;
    private readonly LocalCloudCounters _counters;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<StsSession> _sessions = new();
    private readonly ConcurrentDictionary<string, string> _roleIds = new(StringComparer.Ordinal);

    /// <param name="credentials">Where vended credentials are registered for SigV4 verification.</param>
    /// <param name="authorizer">For the global condition keys of the caller when the role's trust policy is evaluated.</param>
    /// <param name="template">The roles (and their trust policies) that may be assumed.</param>
    /// <param name="counters">Counts AssumeRole calls per tenant.</param>
    /// <param name="time">The clock for session expiry.</param>
    public StsService(CredentialStore credentials, AccessAuthorizer authorizer, TenancyTemplate template, LocalCloudCounters counters, TimeProvider time)
    {
        _credentials = credentials;
        _authorizer = authorizer;
        _template = template;
        _counters = counters;
        _time = time;
    }

    /// <summary>Set by the local cloud once the issuer runs; without it AssumeRoleWithWebIdentity fails closed.</summary>
    public IWebIdentityVerifier? WebIdentityVerifier { get; set; }

    public IReadOnlyCollection<StsSession> Sessions => _sessions.ToArray();

    public string Name => "sts";

    public AwsProtocol Protocol => AwsProtocol.Query;

    /// <summary>Signed for <c>sts</c>, or an unsigned awsQuery form (AssumeRoleWithWebIdentity needs no signature).</summary>
    public bool Recognizes(HttpRequest request, string? scopeService) =>
        AwsRequestMatch.SignedFor(request, scopeService, Name)
        || (HttpMethods.IsPost(request.Method)
            && scopeService is null
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true);

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) => ReadParameters(request, body.Span)["Action"] ?? string.Empty;

    public bool RequiresSignature(string operation) => operation is "AssumeRole" or "GetCallerIdentity";

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call) => call.OperationName switch
    {
        "AssumeRole" or "GetCallerIdentity" or "AssumeRoleWithWebIdentity" =>
            ValueTask.FromResult<LocalOperation>(new StsOperation(call.OperationName, ReadParameters(call.Request, call.Body))),
        _ => throw new AwsServiceException(400, "InvalidAction", $"Could not find operation {call.OperationName} for version 2011-06-15"),
    };

    public Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        var parameters = ((StsOperation)operation).Parameters;
        return operation.Name switch
        {
            "AssumeRoleWithWebIdentity" => AssumeRoleWithWebIdentityAsync(call.Context, parameters),
            "AssumeRole" => AssumeRoleAsync(call, parameters),
            _ => GetCallerIdentityAsync(call.Context, call.RequiredCaller),
        };
    }

    private Task GetCallerIdentityAsync(HttpContext context, LocalPrincipal principal) =>
        WriteAsync(context, "GetCallerIdentity", Element("Arn", principal.Arn), Element("UserId", principal.UserId), Element("Account", LocalAccount.Id));

    private Task AssumeRoleAsync(LocalServiceCall call, StsParameters parameters)
    {
        var caller = call.RequiredCaller;
        var roleArn = parameters.RoleArn();
        var sessionName = parameters.RoleSessionName();
        var tags = parameters.Tags();
        var transitive = parameters.TransitiveTagKeys(tags);
        var sourceIdentity = parameters.SourceIdentity();
        var policyText = parameters.Policy();
        var packed = StsParameters.PackedPolicySize(tags, policyText);
        var sessionPolicy = ParseSessionPolicy(policyText);

        var role = _template.RoleByArn(roleArn);
        var durationSeconds = parameters.DurationSeconds(role?.MaxSessionDurationSeconds ?? 43200);
        if (role is null)
        {
            // AWS does not reveal whether a role exists: an unknown role is an authorization failure.
            throw StsErrors.AccessDenied($"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        var requestKeys = new RequestContext().Set("sts:RoleSessionName", sessionName);
        foreach (var (key, value) in tags)
        {
            requestKeys.Set("aws:RequestTag/" + key, value).Add("aws:TagKeys", key);
        }

        foreach (var key in transitive)
        {
            requestKeys.Add("sts:TransitiveTagKeys", key);
        }

        if (sourceIdentity is not null)
        {
            requestKeys.Set("sts:SourceIdentity", sourceIdentity);
        }

        var callerRoleArn = caller.RoleName is null ? $"arn:{LocalAccount.Partition}:iam::{LocalAccount.Id}:root" : LocalAccount.RoleArn(caller.RoleName);
        var trustPrincipal = RequestPrincipal.Aws(callerRoleArn, caller.Arn);
        foreach (var action in RequiredActions("sts:AssumeRole", tags.Count > 0, sourceIdentity is not null))
        {
            var allowedByCaller = call.Evaluate(action, roleArn, requestKeys);
            var callerContext = _authorizer.WithPrincipalKeys(requestKeys.Copy(), caller, caller.RoleName is null ? null : _template.RolesByLogicalId.Values.FirstOrDefault(r => r.Name == caller.RoleName));
            var trusted = PolicyEvaluator.Evaluate([role.TrustPolicy], action, roleArn, callerContext, trustPrincipal) == PolicyDecision.Allow;
            if (!allowedByCaller.Allowed || !trusted)
            {
                throw StsErrors.AccessDenied($"User: {caller.Arn} is not authorized to perform: {action} on resource: {roleArn}");
            }
        }

        var session = Vend("AssumeRole", role, sessionName, tags, transitive, sourceIdentity, durationSeconds, caller.Arn, sessionPolicy);
        var credentials = _credentials.TryGet(session.AccessKeyId, out var principal) ? principal.Credentials : throw new InvalidOperationException("vended session was not stored");
        var result = new List<object>
        {
            CredentialsElement(credentials, session.Expiration),
            AssumedRoleUserElement(session, role),
            Element("PackedPolicySize", packed.ToString(CultureInfo.InvariantCulture)),
        };
        if (sourceIdentity is not null)
        {
            result.Add(Element("SourceIdentity", sourceIdentity));
        }

        return WriteAsync(call.Context, "AssumeRole", [.. result]);
    }

    private Task AssumeRoleWithWebIdentityAsync(HttpContext context, StsParameters parameters)
    {
        var roleArn = parameters.RoleArn();
        var sessionName = parameters.RoleSessionName();
        var token = parameters.Required("WebIdentityToken");
        var policyText = parameters.Policy();
        var sessionPolicy = ParseSessionPolicy(policyText);
        var verifier = WebIdentityVerifier ?? throw new AwsServiceException(400, "InvalidIdentityToken", "No OpenIDConnect provider found in your account for this token.");
        var identity = verifier.Verify(token, out var errorCode, out var error)
            ?? throw new AwsServiceException(400, errorCode, error);

        var role = _template.RoleByArn(roleArn);
        var durationSeconds = parameters.DurationSeconds(role?.MaxSessionDurationSeconds ?? 43200);
        var packed = StsParameters.PackedPolicySize(identity.PrincipalTags, policyText);
        var provider = verifier.ProviderName;
        var federatedArn = $"arn:{LocalAccount.Partition}:iam::{LocalAccount.Id}:oidc-provider/{provider}";
        if (role is null)
        {
            throw StsErrors.AccessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }

        var keys = new RequestContext()
            .Set($"{provider}:sub", identity.Subject)
            .Set($"{provider}:aud", identity.Audience)
            .Set("sts:RoleSessionName", sessionName);
        foreach (var (key, value) in identity.PrincipalTags)
        {
            keys.Set("aws:RequestTag/" + key, value).Add("aws:TagKeys", key);
        }

        foreach (var action in RequiredActions("sts:AssumeRoleWithWebIdentity", identity.PrincipalTags.Count > 0, sourceIdentity: false))
        {
            if (PolicyEvaluator.Evaluate([role.TrustPolicy], action, roleArn, keys, RequestPrincipal.Federated(federatedArn)) != PolicyDecision.Allow)
            {
                throw StsErrors.AccessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity");
            }
        }

        var session = Vend("AssumeRoleWithWebIdentity", role, sessionName, identity.PrincipalTags, identity.TransitiveTagKeys, null, durationSeconds, identity.Subject, sessionPolicy);
        _credentials.TryGet(session.AccessKeyId, out var principal);
        return WriteAsync(
            context,
            "AssumeRoleWithWebIdentity",
            CredentialsElement(principal.Credentials, session.Expiration),
            Element("SubjectFromWebIdentityToken", identity.Subject),
            AssumedRoleUserElement(session, role),
            Element("PackedPolicySize", packed.ToString(CultureInfo.InvariantCulture)),
            Element("Provider", provider),
            Element("Audience", identity.Audience));
    }

    private StsSession Vend(
        string action,
        TemplateRole role,
        string sessionName,
        IReadOnlyDictionary<string, string> tags,
        IReadOnlyList<string> transitive,
        string? sourceIdentity,
        int durationSeconds,
        string callerArn,
        PolicyDocument? sessionPolicy)
    {
        var now = _time.GetUtcNow();
        var credentials = CredentialGenerator.Temporary();
        var session = new StsSession(
            action,
            role.Arn,
            sessionName,
            LocalAccount.AssumedRoleArn(role.Name, sessionName),
            credentials.AccessKeyId,
            tags,
            transitive,
            sourceIdentity,
            now,
            now.AddSeconds(durationSeconds),
            callerArn);
        var userId = $"{RoleId(role)}:{sessionName}";
        _credentials.Add(new LocalPrincipal(PrincipalKind.RoleSession, credentials, session.AssumedRoleArn, userId, role.Name, session) { SessionPolicy = sessionPolicy });
        _sessions.Enqueue(session);
        if (tags.TryGetValue("TenantID", out var tenant))
        {
            _counters.Increment($"sts:{action}:tenant/{tenant}");
        }

        return session;
    }

    private string RoleId(TemplateRole role) => _roleIds.GetOrAdd(role.Arn, _ => CredentialGenerator.RoleId());

    private XElement AssumedRoleUserElement(StsSession session, TemplateRole role) =>
        Element("AssumedRoleUser", new object[] { Element("AssumedRoleId", $"{RoleId(role)}:{session.SessionName}"), Element("Arn", session.AssumedRoleArn) });

    private static XElement CredentialsElement(LocalCredentials credentials, DateTimeOffset expiration) =>
        Element("Credentials", new object[]
        {
            Element("AccessKeyId", credentials.AccessKeyId),
            Element("SecretAccessKey", credentials.SecretAccessKey),
            Element("SessionToken", credentials.SessionToken),
            Element("Expiration", expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        });

    private static IEnumerable<string> RequiredActions(string assumeAction, bool tags, bool sourceIdentity)
    {
        yield return assumeAction;
        if (tags)
        {
            yield return "sts:TagSession";
        }

        if (sourceIdentity)
        {
            yield return "sts:SetSourceIdentity";
        }
    }

    private static PolicyDocument? ParseSessionPolicy(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return PolicyDocumentParser.ParseJson("session-policy", text);
        }
        catch (PolicyFormatException ex)
        {
            throw new AwsServiceException(400, "MalformedPolicyDocument", ex.Message);
        }
    }

    private static StsParameters ReadParameters(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (key, value) in QueryHelpers.ParseQuery(request.QueryString.Value))
        {
            values[key] = value;
        }

        foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
        {
            values[key] = value;
        }

        return new StsParameters(values);
    }
}
