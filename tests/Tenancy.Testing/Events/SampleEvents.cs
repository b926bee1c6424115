using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Testing.Events;

/// <summary>
/// The sample API Gateway events in the repository's <c>events/</c> folder (copies of public fixtures; their
/// sources and licence are in <c>events/SOURCES.md</c>). Paths are relative to that folder, e.g.
/// <c>api/rest-v1/rest-v1-proxy_basic__aws-lambda-dotnet-events.json</c>.
/// </summary>
public static class SampleEvents
{
    public static string Directory { get; } = RepositoryFiles.PathOf("events");

    /// <summary>The event text (a byte order mark in the file is dropped, as Lambda never sends one).</summary>
    public static string Read(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Sample event '{relativePath}' is not in {Directory}; add it there with its source in SOURCES.md.", path);
        }

        return File.ReadAllText(path, Encoding.UTF8);
    }

    public static byte[] Bytes(string relativePath) => Encoding.UTF8.GetBytes(Read(relativePath));

    /// <summary>A real event changed for one scenario (path, headers, body…).</summary>
    public static byte[] Modified(string relativePath, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Read(relativePath))!.AsObject();
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
