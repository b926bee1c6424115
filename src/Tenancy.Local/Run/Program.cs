namespace Tenancy.Local.Run;

/// <summary>
/// The local cloud's entry point (an explicit class rather than top-level statements, so no public <c>Program</c>
/// type leaks into the projects that reference this one).
/// </summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => LocalCloudProgram.RunAsync(args);
}
