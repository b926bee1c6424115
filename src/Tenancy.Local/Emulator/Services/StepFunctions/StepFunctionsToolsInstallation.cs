using System.Diagnostics;
using Tenancy.Local.Emulator.Services.DynamoDb;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// The Node tools that run and validate state machines (aws-local-stepfunctions, asl-validator), pinned by
/// <c>tools/stepfunctions/package.json</c> and installed on first use into <c>.tools/stepfunctions</c> like DynamoDB
/// Local. The runner scripts are copied next to the packages so Node resolves them there; nothing is committed.
/// </summary>
public sealed class StepFunctionsToolsInstallation
{
    private static readonly string[] CopiedFiles = ["package.json", "run.mjs", "polyfill.mjs"];

    private StepFunctionsToolsInstallation(string directory) => Directory = directory;

    public string Directory { get; }

    public string RunnerPath => Path.Combine(Directory, "run.mjs");

    public string ValidatorPath => Path.Combine(Directory, "node_modules", "asl-validator", "dist", "bin", "asl-validator.js");

    public static async Task<StepFunctionsToolsInstallation> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var source = Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("Tenancy.sln not found: run from the repository."), "tools", "stepfunctions");
        var target = Path.Combine(DynamoDbLocalInstallation.ToolsDirectory, "stepfunctions");
        System.IO.Directory.CreateDirectory(target);

        using var installLock = await AcquireLockAsync(Path.Combine(target, ".install.lock"), cancellationToken).ConfigureAwait(false);
        var wantedManifest = await File.ReadAllTextAsync(Path.Combine(source, "package.json"), cancellationToken).ConfigureAwait(false);
        var stamp = Path.Combine(target, ".installed-package.json");
        var installed = File.Exists(stamp) ? await File.ReadAllTextAsync(stamp, cancellationToken).ConfigureAwait(false) : null;
        foreach (var file in CopiedFiles)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        }

        if (!string.Equals(installed, wantedManifest, StringComparison.Ordinal)
            || !System.IO.Directory.Exists(Path.Combine(target, "node_modules", "aws-local-stepfunctions")))
        {
            await RunAsync("npm", "install --omit=dev --no-audit --no-fund --no-package-lock --loglevel=error", target, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(stamp, wantedManifest, cancellationToken).ConfigureAwait(false);
        }

        return new StepFunctionsToolsInstallation(target);
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task RunAsync(string fileName, string arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {fileName}.");

        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{fileName} {arguments}' failed with exit code {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
        }
    }
}
