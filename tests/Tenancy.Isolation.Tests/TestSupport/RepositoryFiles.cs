namespace Tenancy.Isolation.Tests.TestSupport;

/// <summary>Finds files of the repository the tests were built from (the folder holding Tenancy.sln).</summary>
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

        throw new InvalidOperationException($"No Tenancy.sln above {AppContext.BaseDirectory}.");
    }
}
