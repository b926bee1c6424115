using System.Diagnostics;

namespace Tenancy.Isolation.Tests.Template;

/// <summary>Runs the Python cfn-lint (with the SAM transform) that the project's machines and CI have installed.</summary>
public static class CfnLint
{
    public static bool IsAvailable { get; } = FindOnPath("cfn-lint") is not null;

    public static (int ExitCode, string Output) Run(string templatePath, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(FindOnPath("cfn-lint")!)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(templatePath);
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("cfn-lint did not finish within 3 minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? FindOnPath(string program)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, saying why, only when cfn-lint is not installed.</summary>
public sealed class CfnLintFactAttribute : FactAttribute
{
    public CfnLintFactAttribute()
    {
        if (!CfnLint.IsAvailable)
        {
            Skip = "cfn-lint (Python, with aws-sam-translator) is not on PATH; install it to lint template.yaml.";
        }
    }
}
