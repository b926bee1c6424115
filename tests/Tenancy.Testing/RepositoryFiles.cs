namespace Tenancy.Testing;

/// <summary>
/// Files of the repository the tests were built from: the root is the nearest folder above the test binary that
/// holds <c>Tenancy.sln</c>, so the tests read only what a fresh clone contains.
/// </summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tenancy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Tenancy.sln above {AppContext.BaseDirectory}.");
    }
}
