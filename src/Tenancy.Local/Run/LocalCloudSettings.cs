using System.Globalization;
using Tenancy.Local.Emulator;

namespace Tenancy.Local.Run;

/// <summary>
/// The fixed ports of <c>dotnet run --project src/Tenancy.Local</c>: embedded defaults, overridable by environment
/// (<c>TENANCY_LOCAL_PORT</c>, <c>TENANCY_LOCAL_DYNAMODBPORT</c>) or command line (<c>--Port 4600</c>).
/// </summary>
public static class LocalCloudSettings
{
    public const int DefaultPort = 4566;
    public const int DefaultDynamoDbLocalPort = 4567;

    public static LocalCloudOptions FromConfiguration(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Port"] = DefaultPort.ToString(CultureInfo.InvariantCulture),
                ["DynamoDbPort"] = DefaultDynamoDbLocalPort.ToString(CultureInfo.InvariantCulture),
            })
            .AddEnvironmentVariables("TENANCY_LOCAL_")
            .AddCommandLine(args)
            .Build();

        var options = new LocalCloudOptions
        {
            Port = int.Parse(configuration["Port"]!, CultureInfo.InvariantCulture),
            DynamoDbLocalPort = int.Parse(configuration["DynamoDbPort"]!, CultureInfo.InvariantCulture),
            TemplatePath = configuration["TemplatePath"],
        };
        if (configuration["UserPoolId"] is { } userPoolId)
        {
            options.Issuer.UserPoolId = userPoolId;
        }

        if (configuration["ClientId"] is { } clientId)
        {
            options.Issuer.ClientId = clientId;
        }

        return options;
    }
}
