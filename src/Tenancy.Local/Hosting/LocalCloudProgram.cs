namespace Tenancy.Local.Hosting;

/// <summary>Runs the local cloud from the command line until Ctrl+C.</summary>
public static class LocalCloudProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        await using var cloud = await LocalCloud.StartAsync().ConfigureAwait(false);
        Console.WriteLine($"Tenancy local cloud on {cloud.Endpoint}");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
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
