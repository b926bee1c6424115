namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// How a caller can be named in a trust policy's <c>Principal</c>: for a role session the role ARN (AWS matches
/// sessions by their role) and the account; for a web identity the identity provider.
/// </summary>
public sealed record RequestPrincipal(IReadOnlyDictionary<string, IReadOnlyList<string>> Identifiers)
{
    public static RequestPrincipal Aws(params string[] arns) =>
        new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["AWS"] = arns });

    public static RequestPrincipal Federated(string provider) =>
        new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Federated"] = [provider] });
}
