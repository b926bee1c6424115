using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Lambda.Tests.Infrastructure;

/// <summary>
/// The shared sample events (<c>shared/events</c> beside the repository): found by walking up from the test binary to
/// the folder holding <c>Tenancy.sln</c> and then to the nearest ancestor that has <c>shared/events</c>.
/// </summary>
public static class SampleEvents
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tenancy.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("Tenancy.sln not found above the test binary.");
        }
    }

    /// <summary>The event text (a byte order mark in the file is dropped, as Lambda never sends one).</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath), Encoding.UTF8);

    public static byte[] Bytes(string relativePath) => Encoding.UTF8.GetBytes(Read(relativePath));

    /// <summary>A real event changed for one scenario (path, headers, body…).</summary>
    public static byte[] Modified(string relativePath, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Read(relativePath))!.AsObject();
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(RepositoryRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "events");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/events not found beside the repository.");
    }
}
