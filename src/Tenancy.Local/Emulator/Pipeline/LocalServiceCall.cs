using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Iam;

namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>One request as it passes through the pipeline: the HTTP exchange, its buffered body, the verified caller.</summary>
public sealed class LocalServiceCall
{
    private readonly AccessAuthorizer _authorizer;
    private readonly ILocalService _service;

    public LocalServiceCall(HttpContext context, byte[] body, string operationName, ILocalService service, AccessAuthorizer authorizer)
    {
        Context = context;
        Body = body;
        OperationName = operationName;
        _service = service;
        _authorizer = authorizer;
    }

    public HttpContext Context { get; }

    public HttpRequest Request => Context.Request;

    public byte[] Body { get; }

    public string OperationName { get; }

    /// <summary>The SigV4-verified caller; null for the unsigned operations.</summary>
    public LocalPrincipal? Caller { get; set; }

    public LocalPrincipal RequiredCaller => Caller ?? throw new InvalidOperationException($"{_service.Name}:{OperationName} ran without a verified caller.");

    /// <summary>Evaluates the caller's policies for one action without failing (for services that combine it with other policies).</summary>
    public AuthorizationResult Evaluate(string action, string resource, RequestContext keys) =>
        _authorizer.Authorize(RequiredCaller, action, resource, keys);

    /// <summary>Fails with the service's access-denied error unless the caller's policies allow the action.</summary>
    public void Authorize(string action, string resource, RequestContext keys)
    {
        var result = Evaluate(action, resource, keys);
        if (!result.Allowed)
        {
            throw _service.Protocol.AccessDenied(result.Message);
        }
    }
}
