namespace Tenancy.Observability.Tests.Support;

/// <summary>
/// The project's real sample events (<c>shared/events</c>, byte-for-byte copies of public fixtures), found by
/// walking up from the test binaries so the tests work from any worktree or checkout next to <c>shared/</c>.
/// </summary>
internal static class SampleEvents
{
    public static string Read(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "events", relativePath);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException($"Sample event '{relativePath}' not found in a shared/events folder above {AppContext.BaseDirectory}.");
    }
}
