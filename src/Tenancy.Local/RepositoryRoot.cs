namespace Tenancy.Local;

/// <summary>Locates the repository root (the folder holding <c>Tenancy.sln</c>) from the running binary or working directory.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Tenancy.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
