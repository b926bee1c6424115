using System.Diagnostics;

namespace Tenancy.Workflows.Tests;

/// <summary>Runs a command-line tool the machines have installed (cfn-lint, node) and returns its exit code and output.</summary>
public static class ExternalTool
{
    public static bool IsOnPath(string program) => FindOnPath(program) is not null;

    public static (int ExitCode, string Output) Run(string program, string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(FindOnPath(program) ?? program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 5 minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
