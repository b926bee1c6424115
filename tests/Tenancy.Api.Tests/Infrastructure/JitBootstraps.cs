namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>
/// The framework-dependent builds of the function projects as Lambda custom-runtime bootstraps: the app host
/// (<c>bin/&lt;configuration&gt;/net10.0/bootstrap</c>) speaks the Runtime API like the Native-AOT binary, and is
/// there after a plain <c>dotnet build</c>, so JIT runs need no publish.
/// </summary>
internal static class JitBootstraps
{
    public static string AppHostOf(string projectName)
    {
        var bin = Path.Combine(Tenancy.Testing.RepositoryFiles.Root, "src", projectName, "bin");
        var appHost = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "bootstrap.dll", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}linux-x64{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .Select(p => Path.ChangeExtension(p, null))
                .FirstOrDefault(File.Exists)
            : null;
        return appHost ?? throw new InvalidOperationException($"No framework-dependent build of {projectName} with an app host under {bin}; run 'dotnet build src/{projectName}'.");
    }
}
