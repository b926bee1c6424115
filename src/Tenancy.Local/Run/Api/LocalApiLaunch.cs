namespace Tenancy.Local.Run.Api;

/// <summary>How to start the tenant API: its Native-AOT <c>bootstrap</c> binary, or its framework-dependent build via <c>dotnet</c>.</summary>
public sealed record LocalApiLaunch(string FileName, IReadOnlyList<string> Arguments, string Description)
{
    public static LocalApiLaunch NativeBinary(string bootstrapPath) =>
        new(Path.GetFullPath(bootstrapPath), [], $"Native AOT {bootstrapPath}");

    public static LocalApiLaunch FrameworkDependent(string bootstrapDllPath) =>
        new("dotnet", [Path.GetFullPath(bootstrapDllPath)], $"dotnet {bootstrapDllPath}");

    /// <summary>
    /// The API as built beside this local cloud (Tenancy.Local builds Tenancy.Api through a build-only project
    /// reference): the newest <c>src/Tenancy.Api/bin/&lt;configuration&gt;/net10.0/bootstrap.dll</c>.
    /// </summary>
    public static LocalApiLaunch FromRepositoryBuild()
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("The repository root (Tenancy.sln) was not found; run from inside the repository.");
        var bin = Path.Combine(root, "src", "Tenancy.Api", "bin");
        var dll = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "bootstrap.dll", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}linux-x64{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return FrameworkDependent(dll ?? throw new InvalidOperationException($"No build of Tenancy.Api under {bin}; run 'dotnet build src/Tenancy.Api'."));
    }
}
