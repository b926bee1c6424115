using System.Diagnostics;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Auth;

namespace Tenancy.Local.Tests.AwsCli;

/// <summary>
/// Runs the real AWS CLI (v1, preinstalled) against a local cloud: a client we did not write, so the wire formats,
/// signing and error shapes are checked by somebody else's parser. No profile or config file is read.
/// </summary>
public static class AwsCliRunner
{
    public static async Task<AwsCliResult> RunAsync(LocalCloud cloud, LocalCredentials credentials, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(["--endpoint-url", cloud.Endpoint.ToString().TrimEnd('/'), "--output", "json", "--region", cloud.Region]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey;
        start.Environment.Remove("AWS_SESSION_TOKEN");
        if (credentials.SessionToken is not null)
        {
            start.Environment["AWS_SESSION_TOKEN"] = credentials.SessionToken;
        }

        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment.Remove("AWS_PROFILE");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the aws CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new AwsCliResult(process.ExitCode, await stdout, await stderr);
    }
}
