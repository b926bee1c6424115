namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>How AWS services recognise their requests: a POST signed for the service, or an unsigned one with the service's <c>X-Amz-Target</c> prefix.</summary>
public static class AwsRequestMatch
{
    public static bool SignedFor(HttpRequest request, string? scopeService, string service) =>
        HttpMethods.IsPost(request.Method) && string.Equals(scopeService, service, StringComparison.Ordinal);

    public static bool Targets(HttpRequest request, string? scopeService, string targetPrefix) =>
        HttpMethods.IsPost(request.Method)
        && scopeService is null
        && request.Headers["X-Amz-Target"].ToString().StartsWith(targetPrefix, StringComparison.Ordinal);

    /// <summary>The operation named by <c>X-Amz-Target: {prefix}{Operation}</c> (the whole header when the prefix differs).</summary>
    public static string TargetOperation(HttpRequest request, string targetPrefix)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        return target.StartsWith(targetPrefix, StringComparison.Ordinal) ? target[targetPrefix.Length..] : target;
    }
}
