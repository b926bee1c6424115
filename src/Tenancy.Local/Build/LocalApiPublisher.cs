using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Tenancy.Local.Build;

/// <summary>
/// Publishes <c>src/Tenancy.Api</c> as a Native-AOT <c>bootstrap</c> (what Lambda runs) into
/// <c>artifacts/api-aot</c> and reports every trim/AOT warning (IL2xxx/IL3xxx) the publish printed. Warnings are
/// errors in this repository, so a warning also fails the publish.
/// </summary>
public static partial class LocalApiPublisher
{
    public sealed record Result(string BootstrapPath, int ExitCode, IReadOnlyList<string> TrimAndAotWarnings, string Log);

    public static async Task<Result> PublishAotAsync(string? outputDirectory = null, CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("The repository root (Tenancy.sln) was not found.");
        outputDirectory ??= Path.Combine(root, "artifacts", "api-aot");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "publish", Path.Combine("src", "Tenancy.Api", "Tenancy.Api.csproj"), "-c", "Release", "-r", "linux-x64",
                     "-p:TrimmerSingleWarn=false", "-nologo", "-clp:NoSummary", "-o", outputDirectory,
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var log = new StringBuilder(stdout).Append(await stderr.ConfigureAwait(false)).ToString();
        var warnings = TrimOrAotDiagnostic().Matches(log).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        return new Result(Path.Combine(outputDirectory, "bootstrap"), process.ExitCode, warnings, log);
    }

    [GeneratedRegex(@"(warning|error) IL[23]\d{3}[^\r\n]*")]
    private static partial Regex TrimOrAotDiagnostic();
}
