using System.Runtime.InteropServices;

namespace Tenancy.Local.Hosting;

/// <summary>
/// <c>dotnet run --project src/Tenancy.Local</c>: starts the local cloud on its fixed ports, onboards the demo
/// tenants, prints how to use them, and runs until Ctrl+C or SIGTERM (stopping DynamoDB Local with it).
/// </summary>
public static class LocalCloudProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var cloud = await LocalCloud.StartAsync(LocalCloudSettings.FromConfiguration(args), stop.Token).ConfigureAwait(false);
        var tenants = await DemoTenants.OnboardAsync(cloud, stop.Token).ConfigureAwait(false);
        Console.WriteLine(LocalCloudBanner.Describe(cloud, tenants));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine("Stopping the local cloud.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
