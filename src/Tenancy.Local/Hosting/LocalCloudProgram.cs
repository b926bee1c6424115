using Tenancy.Isolation;
using Tenancy.Local.Api;

namespace Tenancy.Local.Hosting;

/// <summary>
/// <c>dotnet run --project src/Tenancy.Local</c>: starts the local cloud, onboards two demo tenants (one pooled
/// Basic, one siloed Premium with its own table and key), starts the tenant API against it as its own process, and
/// prints ready-to-paste requests for both tenants, including cross-tenant attempts that are denied. Ctrl+C stops
/// everything.
/// </summary>
public static class LocalCloudProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        Console.WriteLine("Starting the Tenancy local cloud (DynamoDB Local, STS, KMS, issuer, IAM from template.yaml)…");
        await using var cloud = await LocalCloud.StartAsync(cancellationToken: stop.Token).ConfigureAwait(false);
        var tenants = new[]
        {
            await cloud.OnboardTenantAsync("acme", "Acme Corp", TenantTier.Basic, TenancyModel.Pool, stop.Token).ConfigureAwait(false),
            await cloud.OnboardTenantAsync("globex", "Globex Corporation", TenantTier.Premium, TenancyModel.Silo, stop.Token).ConfigureAwait(false),
        };

        Console.WriteLine("Starting the tenant API…");
        await using var api = await LocalApiDemo.StartAsync(cloud, stop.Token).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine(LocalApiDemo.Walkthrough(cloud, api, tenants));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
