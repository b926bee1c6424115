using System.Diagnostics;
using Tenancy.Testing;

namespace Tenancy.ControlPlane.Tests.Infrastructure;

/// <summary>
/// Publishes the control-plane bootstrap (<c>src/Tenancy.ControlPlane</c>) Native AOT (Release, linux-x64) to <c>artifacts/lambda/control-plane</c> once per
/// test run, skipped when the binary is newer than every source it is built from. Any IL2xxx/IL3xxx warning fails it.
/// </summary>
public sealed class PublishedControlPlane : IAsyncLifetime
{
    public string BootstrapPath { get; private set; } = string.Empty;

    public string PublishLog { get; private set; } = string.Empty;

    // Several test classes use this fixture and xUnit runs classes in parallel: one publish per test process, never two
    // publishes racing into the same folder.
    private static readonly Lazy<Task<(string BootstrapPath, string PublishLog)>> Shared = new(PublishAsync);

    public async Task InitializeAsync() => (BootstrapPath, PublishLog) = await Shared.Value;

    private static async Task<(string BootstrapPath, string PublishLog)> PublishAsync()
    {
        var root = RepositoryFiles.Root;
        var output = Path.Combine(root, "artifacts", "lambda", "control-plane");
        var bootstrapPath = Path.Combine(output, "bootstrap");
        var logPath = output + ".publish.log";
        if (IsUpToDate(root, bootstrapPath) && File.Exists(logPath))
        {
            // The log of the publish that produced this binary, so its warnings are still checked.
            return (bootstrapPath, await File.ReadAllTextAsync(logPath));
        }

        // The local cloud's functions publish the same project (same obj/): when their native code is current, ILC does
        // not run again, prints nothing, and no warning could be seen. Its output goes, so this publish compiles.
        var native = Path.Combine(root, "src", "Tenancy.ControlPlane", "obj", "Release", "net10.0", "linux-x64", "native");
        if (Directory.Exists(native))
        {
            Directory.Delete(native, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(root, "src", "Tenancy.ControlPlane", "Tenancy.ControlPlane.csproj"), "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var publishLog = await stdout + await stderr;
        await File.WriteAllTextAsync(logPath, publishLog);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{publishLog}");
        }

        return (bootstrapPath, publishLog);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static bool IsUpToDate(string root, string bootstrap)
    {
        if (!File.Exists(bootstrap))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(bootstrap);
        var sources = new[] { "Tenancy.ControlPlane", "Tenancy.Lambda", "Tenancy.Identity", "Tenancy.Isolation", "Tenancy.Observability" }
            .Select(project => Path.Combine(root, "src", project))
            .Append(Path.Combine(root, "generators"))
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories))
            .Where(file => (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal))
                && !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Append(Path.Combine(root, "Directory.Build.props"))
            .Append(Path.Combine(root, "Directory.Packages.props"));
        return sources.All(file => File.GetLastWriteTimeUtc(file) < built);
    }
}
