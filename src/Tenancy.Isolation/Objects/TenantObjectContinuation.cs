using System.Text;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Isolation.Objects;

/// <summary>
/// Wraps S3's continuation token with the tenant and area it was issued for, so a token is refused in any other
/// listing instead of being passed on (S3 would still confine the listing to the caller's prefix).
/// </summary>
internal static class TenantObjectContinuation
{
    private const string Version = "o1";

    public static string Wrap(TenantId tenantId, TenantObjectArea area, string s3Token) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Version}\n{tenantId.Value}\n{area.Value}\n{s3Token}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Unwrap(TenantId tenantId, TenantObjectArea area, string token)
    {
        string[] parts;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException("The continuation token is not valid.", ex);
        }

        if (parts.Length != 4 || parts[0] != Version || parts[1] != tenantId.Value || parts[2] != area.Value || parts[3].Length == 0)
        {
            throw new InvalidContinuationTokenException("The continuation token is not valid for this listing.");
        }

        return parts[3];
    }
}
