namespace Tenancy.Local.Emulator.Auth;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request,
/// SignedHeaders=a;b, Signature=hex</c> header.
/// </summary>
public sealed record SigV4AuthorizationHeader(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    public static bool TryParse(string? header, out SigV4AuthorizationHeader? parsed)
    {
        parsed = null;
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || scope[4] != "aws4_request" || signedHeaders is null || signature is null || scope[0].Length == 0)
        {
            return false;
        }

        parsed = new SigV4AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], signedHeaders.Split(';'), signature);
        return true;
    }

    /// <summary>The service named in the credential scope, without validating the rest (used for routing).</summary>
    public static string? ServiceOf(string? header) => TryParse(header, out var parsed) ? parsed!.Service : null;
}
