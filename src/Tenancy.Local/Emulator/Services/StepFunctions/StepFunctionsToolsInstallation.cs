using Tenancy.Local.Emulator.Processes;
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

        using var installLock = await ToolInstallSteps.AcquireLockAsync(Path.Combine(target, ".install.lock"), cancellationToken).ConfigureAwait(false);
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
            await ToolInstallSteps.RunAsync("npm", "install --omit=dev --no-audit --no-fund --no-package-lock --loglevel=error", target, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(stamp, wantedManifest, cancellationToken).ConfigureAwait(false);
        }

        return new StepFunctionsToolsInstallation(target);
    }
}
