using System.Runtime.InteropServices;
using Tenancy.Local.Emulator;
using Tenancy.Local.Run.Invoke;
using Tenancy.Local.Run.Tenants;

namespace Tenancy.Local.Run;

/// <summary>
/// <c>dotnet run --project src/Tenancy.Local</c>: starts the local cloud on its fixed ports with the template's functions,
/// onboards two demo tenants through the onboarding state machine (one pooled Basic, one siloed Premium with its own
/// table and key), serves the tenant API behind the local API Gateway front, and prints ready-to-paste requests for both
/// tenants, including cross-tenant attempts that are denied.
/// Runs until Ctrl+C or SIGTERM, stopping the API and DynamoDB Local with it.
/// </summary>
public static class LocalCloudProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        if (args is [InvokeCommand.Name, .. var invokeArgs])
        {
            return await InvokeCommand.RunAsync(invokeArgs, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
        }

        if (args is [TenantsCommand.Name, .. var tenantsArgs])
        {
            return await TenantsCommand.RunAsync(tenantsArgs, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
        }

        var templatePath = LocalGatewayMode.TemplatePathOf(args);
        var useGateway = LocalGatewayMode.UseGateway(templatePath, args);

        // The AOT publishes dominate a first run: they start now, while DynamoDB Local installs and starts.
        var publishing = LocalGatewayMode.PublishAsync(templatePath, useGateway, stop.Token);
        Console.WriteLine("Starting the Tenancy local cloud (DynamoDB Local, STS, KMS, Cognito, Step Functions, IAM from template.yaml)…");
        var options = LocalCloudSettings.FromConfiguration(args);
        options.TemplateFunctions = new LocalTemplateFunctionsOptions
        {
            BuildLog = Console.WriteLine,
            LogSink = (id, line) => Console.WriteLine($"[{id}] {line}"),
        };
        LocalCloud started;
        try
        {
            started = await LocalCloud.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"Port {options.Port} is in use: is another local cloud running? Stop it, or choose other ports with --Port and --DynamoDbPort.").ConfigureAwait(false);
            return 1;
        }

        await using var cloud = started;
        var stateFile = LocalCloudStateFile.DefaultPath();
        await LocalCloudStateFile.Of(cloud).WriteAsync(stateFile, stop.Token).ConfigureAwait(false);
        try
        {
            await publishing.ConfigureAwait(false);
            Console.WriteLine("Onboarding the demo tenants through the onboarding state machine…");
            var tenants = await DemoTenants.OnboardAsync(cloud, stop.Token).ConfigureAwait(false);
            Console.WriteLine(LocalCloudBanner.Describe(cloud, tenants));
            await ServeAsync(cloud, templatePath, useGateway, tenants, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(stateFile);
        }

        Console.WriteLine("Stopping the local cloud.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task ServeAsync(LocalCloud cloud, string templatePath, bool useGateway, IReadOnlyList<OnboardedTenant> tenants, CancellationToken stopping)
    {
        if (useGateway)
        {
            Console.WriteLine("Starting the tenant API behind the local API Gateway front (authorizer → usage plan → ApiFunction, Native AOT via the Lambda Runtime API)…");
            await using var served = await LocalGatewayMode.StartAsync(cloud, templatePath, stopping).ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine(LocalApiDemo.Walkthrough(cloud, served.BaseAddress, tenants));
            await WaitForStopAsync(stopping).ConfigureAwait(false);
        }
        else
        {
            Console.WriteLine("Starting the tenant API on Kestrel (direct mode: no authorizer function in the template, or --Mode kestrel)…");
            await using var api = await LocalApiDemo.StartAsync(cloud, stopping).ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine(LocalApiDemo.Walkthrough(cloud, api, tenants));
            await WaitForStopAsync(stopping).ConfigureAwait(false);
        }
    }

    private static async Task WaitForStopAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
