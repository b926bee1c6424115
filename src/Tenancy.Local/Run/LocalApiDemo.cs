using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Tenancy.Local.Emulator;
using Tenancy.Local.Run.Api;

namespace Tenancy.Local.Run;

/// <summary>
/// The part of <c>dotnet run --project src/Tenancy.Local</c> that concerns the tenant API: starts it as its own
/// process against the local cloud (port 5080 when free, or <c>TENANCY_API_PORT</c>) and prints ready-to-paste
/// requests for each demo tenant: sign in, <c>/me</c>, create and list orders, and a cross-tenant attempt that is
/// denied.
/// </summary>
public static class LocalApiDemo
{
    public const int DefaultPort = 5080;

    public static async Task<LocalApiProcess> StartAsync(LocalCloud cloud, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var configured = Environment.GetEnvironmentVariable("TENANCY_API_PORT");
        var port = int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : IsFree(DefaultPort) ? DefaultPort : 0;
        return await LocalApiProcess.StartAsync(LocalApiLaunch.FromRepositoryBuild(), LocalApiEnvironment.For(cloud), port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The copy-paste walkthrough for <paramref name="tenants"/> (the first two are used for the cross-tenant attempt).</summary>
    public static string Walkthrough(LocalCloud cloud, LocalApiProcess api, IReadOnlyList<OnboardedTenant> tenants)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Walkthrough(cloud, api.BaseAddress, tenants);
    }

    /// <summary>The walkthrough against the API served at <paramref name="apiBaseAddress"/> (Kestrel or the API Gateway front).</summary>
    public static string Walkthrough(LocalCloud cloud, Uri apiBaseAddress, IReadOnlyList<OnboardedTenant> tenants)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(apiBaseAddress);
        ArgumentNullException.ThrowIfNull(tenants);
        var apiUrl = apiBaseAddress.ToString().TrimEnd('/');
        var endpoint = cloud.Endpoint.ToString().TrimEnd('/');
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Tenant API   {apiUrl}   (health: curl -s {apiUrl}/health)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Issuer       {cloud.Issuer.IssuerUrl}   (JWKS: {cloud.Issuer.JwksUrl})");
        text.AppendLine(CultureInfo.InvariantCulture, $"AWS endpoint {cloud.Endpoint}   (STS, KMS and DynamoDB behind the template's IAM policies)");
        text.AppendLine();
        text.AppendLine("The tenants were onboarded by the onboarding state machine; the same sign-in with the aws CLI:");
        if (tenants.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  aws --endpoint-url {endpoint} --region {cloud.Region} --no-sign-request cognito-idp initiate-auth --client-id {cloud.UserPool.ClientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME={tenants[0].Username},PASSWORD='{tenants[0].Password}'");
        }

        text.AppendLine();
        text.AppendLine("Paste into a bash shell:");
        text.AppendLine();
        foreach (var tenant in tenants)
        {
            var variable = "TOKEN_" + tenant.TenantId.Value.ToUpperInvariant().Replace('-', '_');
            text.AppendLine(CultureInfo.InvariantCulture, $"# {tenant.TenantId} — {tenant.Tier}, {tenant.Placement.Model} (table {tenant.Placement.TableName}, key {tenant.Placement.KmsKeyId}); user {tenant.Username}");
            // InitiateAuth needs no signature, as in AWS; the pre-token trigger puts custom:tenantID in the access token.
            text.AppendLine(CultureInfo.InvariantCulture, $"{variable}=$(curl -s {endpoint} -H 'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth' -H 'Content-Type: application/x-amz-json-1.1' -d '{{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"{cloud.UserPool.ClientId}\",\"AuthParameters\":{{\"USERNAME\":\"{tenant.Username}\",\"PASSWORD\":\"{tenant.Password}\"}}}}' | sed -E 's/.*\"AccessToken\":\"([^\"]+)\".*/\\1/')");
            text.AppendLine(CultureInfo.InvariantCulture, $"curl -s {apiUrl}/me -H \"Authorization: Bearer ${variable}\"; echo");
            text.AppendLine(CultureInfo.InvariantCulture, $"curl -s -X POST {apiUrl}/orders -H \"Authorization: Bearer ${variable}\" -H 'Content-Type: application/json' -d '{{\"customerName\":\"Ada Lovelace\",\"customerEmail\":\"ada@{tenant.TenantId}.example\",\"lines\":[{{\"sku\":\"TEA-1\",\"quantity\":2,\"unitPrice\":3.50}}]}}'; echo");
            text.AppendLine(CultureInfo.InvariantCulture, $"curl -s '{apiUrl}/orders?limit=10' -H \"Authorization: Bearer ${variable}\"; echo");
            text.AppendLine();
        }

        if (tenants.Count >= 2)
        {
            var a = tenants[0].TenantId.Value;
            var b = tenants[1].TenantId.Value;
            var tokenA = "$TOKEN_" + a.ToUpperInvariant().Replace('-', '_');
            var tokenB = "$TOKEN_" + b.ToUpperInvariant().Replace('-', '_');
            text.AppendLine(CultureInfo.InvariantCulture, $"# Cross-tenant attempts by {a} against {b} — all denied:");
            text.AppendLine(CultureInfo.InvariantCulture, $"ORDER_{b.ToUpperInvariant().Replace('-', '_')}=$(curl -s -X POST {apiUrl}/orders -H \"Authorization: Bearer {tokenB}\" -H 'Content-Type: application/json' -d '{{\"customerName\":\"Secret\",\"customerEmail\":\"secret@{b}.example\",\"lines\":[{{\"sku\":\"X-1\",\"quantity\":1,\"unitPrice\":1}}]}}' | sed -E 's/.*\"id\":\"([0-9a-f]+)\".*/\\1/')");
            text.AppendLine(CultureInfo.InvariantCulture, $"curl -s -i {apiUrl}/orders/$ORDER_{b.ToUpperInvariant().Replace('-', '_')} -H \"Authorization: Bearer {tokenA}\"; echo    # 404: not in {a}'s data");
            text.AppendLine(CultureInfo.InvariantCulture, $"curl -s -i {apiUrl}/orders -H \"Authorization: Bearer {tokenA}\" -H 'X-Tenant-Id: {b}'; echo    # 400: clients cannot name a tenant");
            text.AppendLine(CultureInfo.InvariantCulture, $"curl -s -i -X DELETE {apiUrl}/orders/$ORDER_{b.ToUpperInvariant().Replace('-', '_')} -H \"Authorization: Bearer {tokenA}\"; echo    # 404: cannot delete it either");
            text.AppendLine(CultureInfo.InvariantCulture, $"curl -s -i '{apiUrl}/orders?tenantId={b}' -H \"Authorization: Bearer {tokenA}\"; echo    # 400: nor by query");
        }

        text.AppendLine();
        text.AppendLine("Tenants change only through the control plane; from another shell:");
        text.AppendLine("  dotnet run --project src/Tenancy.Local -- tenants list");
        text.AppendLine("  dotnet run --project src/Tenancy.Local -- tenants onboard initech --tier Basic      # the onboarding state machine");
        text.AppendLine("  dotnet run --project src/Tenancy.Local -- tenants suspend initech                   # then resume, or offboard (crypto-shred)");
        text.AppendLine();
        text.AppendLine("Ctrl+C stops the API, the local cloud and DynamoDB Local.");
        return text.ToString();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
