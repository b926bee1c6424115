using System.Diagnostics;
using Amazon.Runtime;
using Tenancy.Local.Emulator;

namespace Tenancy.Local.Tests.Cloud;

/// <summary>Runs the real aws CLI (v1, preinstalled) against the local cloud with given credentials and no user configuration.</summary>
public sealed class AwsCli : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tenancy-awscli-").FullName;
    private readonly LocalCloud _cloud;
    private readonly ImmutableCredentials _credentials;

    public AwsCli(LocalCloud cloud, ImmutableCredentials credentials)
    {
        _cloud = cloud;
        _credentials = credentials;

        // Path-style addressing, as the local S3 serves; nothing read from the user's ~/.aws.
        File.WriteAllText(ConfigPath, "[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n");
    }

    private string ConfigPath => Path.Combine(_directory, "config");

    public string WorkingDirectory => _directory;

    public async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(_cloud.Endpoint.ToString().TrimEnd('/'));
        start.Environment["AWS_CONFIG_FILE"] = ConfigPath;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_directory, "no-credentials");
        start.Environment["AWS_ACCESS_KEY_ID"] = _credentials.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = _credentials.SecretKey;
        start.Environment["AWS_DEFAULT_REGION"] = _cloud.Region;
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        if (_credentials.UseToken)
        {
            start.Environment["AWS_SESSION_TOKEN"] = _credentials.Token;
        }
        else
        {
            start.Environment.Remove("AWS_SESSION_TOKEN");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the aws CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
