using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Tenancy.Local.Functions;

/// <summary>
/// Publishes a function project's Native-AOT <c>bootstrap</c> into <c>artifacts/functions/&lt;project&gt;/</c> when
/// it is missing or older than any input (the sources under <c>src/</c> and <c>generators/</c>, and the repository's
/// build files). One publish per project at a time, across processes too (a lock file beside the output).
/// </summary>
public sealed class FunctionBootstrapPublisher(string repositoryRoot)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcessLocks = new(StringComparer.Ordinal);
    private static readonly string[] RootBuildFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig"];

    public string OutputDirectory(string projectName) => Path.Combine(repositoryRoot, "artifacts", "functions", projectName);

    public string BootstrapPath(string projectName) => Path.Combine(OutputDirectory(projectName), "bootstrap");

    /// <summary>Whether the bootstrap is missing or older than the newest input.</summary>
    public bool IsStale(string projectName)
    {
        var bootstrap = new FileInfo(BootstrapPath(projectName));
        return !bootstrap.Exists || NewestInput() > bootstrap.LastWriteTimeUtc;
    }

    /// <summary>Returns the bootstrap's path, publishing it first if it is stale; <paramref name="log"/> hears about a publish.</summary>
    public async Task<string> EnsurePublishedAsync(string projectName, Action<string>? log, CancellationToken cancellationToken)
    {
        var gate = InProcessLocks.GetOrAdd(projectName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(OutputDirectory(projectName));
            using var crossProcess = await AcquireFileLockAsync(Path.Combine(OutputDirectory(projectName), ".publish.lock"), cancellationToken).ConfigureAwait(false);
            if (IsStale(projectName))
            {
                await PublishAsync(projectName, log, cancellationToken).ConfigureAwait(false);
            }

            return BootstrapPath(projectName);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task PublishAsync(string projectName, Action<string>? log, CancellationToken cancellationToken)
    {
        log?.Invoke($"Publishing {projectName} (Native AOT) into {OutputDirectory(projectName)}…");
        var watch = Stopwatch.StartNew();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "publish", Path.Combine("src", projectName, projectName + ".csproj"), "-c", "Release", "-r", "linux-x64",
                     "-nologo", "-clp:NoSummary", "-o", OutputDirectory(projectName),
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0 || !File.Exists(BootstrapPath(projectName)))
        {
            var output = new StringBuilder(stdout).Append(await stderr.ConfigureAwait(false)).ToString();
            throw new InvalidOperationException($"dotnet publish of {projectName} failed (exit {process.ExitCode}):\n{output}");
        }

        // The publish may reuse an up-to-date binary; mark it as built now so the staleness check settles.
        File.SetLastWriteTimeUtc(BootstrapPath(projectName), DateTime.UtcNow);
        log?.Invoke($"Published {projectName} in {watch.Elapsed.TotalSeconds:0.0} s.");
    }

    private DateTime NewestInput()
    {
        var newest = DateTime.MinValue;
        foreach (var file in RootBuildFiles.Select(f => Path.Combine(repositoryRoot, f)).Where(File.Exists))
        {
            newest = Max(newest, File.GetLastWriteTimeUtc(file));
        }

        foreach (var folder in new[] { "src", "generators" }.Select(f => Path.Combine(repositoryRoot, f)).Where(Directory.Exists))
        {
            newest = Max(newest, NewestUnder(new DirectoryInfo(folder)));
        }

        return newest;
    }

    private static DateTime NewestUnder(DirectoryInfo directory)
    {
        var newest = DateTime.MinValue;
        foreach (var file in directory.EnumerateFiles())
        {
            newest = Max(newest, file.LastWriteTimeUtc);
        }

        foreach (var child in directory.EnumerateDirectories())
        {
            // Build outputs and the local cloud itself are not inputs of a function.
            if (child.Name is "bin" or "obj" or "Tenancy.Local")
            {
                continue;
            }

            newest = Max(newest, NewestUnder(child));
        }

        return newest;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another process is publishing the same project; it will leave a fresh bootstrap behind.
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
