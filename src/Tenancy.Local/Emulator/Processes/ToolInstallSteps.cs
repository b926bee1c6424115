using System.Diagnostics;

namespace Tenancy.Local.Emulator.Processes;

/// <summary>
/// The steps every first-use installation under <c>.tools/</c> shares: a lock file so parallel test processes install
/// once, and running an installer command that must succeed.
/// </summary>
internal static class ToolInstallSteps
{
    /// <summary>Waits until this process holds the exclusive lock file at <paramref name="path"/>.</summary>
    public static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
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

    /// <summary>Runs <paramref name="fileName"/> and fails with its standard error when it exits non-zero.</summary>
    public static async Task RunAsync(string fileName, string arguments, string workingDirectory, CancellationToken cancellationToken)
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
