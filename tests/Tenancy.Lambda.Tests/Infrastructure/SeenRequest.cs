using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;

namespace Tenancy.Lambda.Tests.Infrastructure;

/// <summary>What the test app observed about a request.</summary>
public sealed record SeenRequest(
    string Method,
    string Scheme,
    string Protocol,
    string PathBase,
    string Path,
    string QueryString,
    string RawTarget,
    IReadOnlyDictionary<string, string[]> Headers,
    IReadOnlyDictionary<string, string[]> Query,
    IReadOnlyDictionary<string, string> Cookies,
    string Body,
    long? ContentLength,
    ClaimsPrincipal User,
    string? RemoteIp,
    int RemotePort,
    string TraceIdentifier,
    LambdaInvocationContext? FromHttpContext,
    LambdaInvocationContext? FromCurrent,
    X509Certificate2? ClientCertificate,
    bool RequestAbortedCanBeCanceled)
{
    public string[] Header(string name) => Headers.TryGetValue(name, out var values) ? values : [];

    public string? Claim(string type) => User.FindFirst(type)?.Value;
}
