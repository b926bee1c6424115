namespace Tenancy.Api.Problems;

/// <summary>
/// The <c>type</c> URIs shared by every feature, one per distinct cause a client may act on. A feature with a cause of
/// its own declares that URI next to its exception, under <see cref="Base"/>.
/// </summary>
public static class ProblemTypes
{
    public const string Base = "https://tenancy.dev/problems/";

    public const string Validation = Base + "validation";
    public const string MalformedRequest = Base + "malformed-request";
    public const string Unauthenticated = Base + "unauthenticated";
    public const string TenantNotServed = Base + "tenant-not-served";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string VersionMismatch = Base + "version-mismatch";
    public const string PreconditionFailed = Base + "precondition-failed";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string Unavailable = Base + "temporarily-unavailable";
    public const string Internal = Base + "internal";
}
