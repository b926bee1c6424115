using System.Text.Json.Nodes;

namespace Tenancy.Local.Tests.AwsCli;

/// <summary>What one <c>aws</c> CLI command printed and returned.</summary>
public sealed record AwsCliResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command's JSON output; fails the test with the CLI's stderr when it did not succeed.</summary>
    public JsonObject Json =>
        Succeeded
            ? JsonNode.Parse(Stdout.Length == 0 ? "{}" : Stdout) as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {Stdout}")
            : throw new InvalidOperationException($"aws exited {ExitCode}: {Stderr}");

    /// <summary>The AWS error code the CLI reported (<c>An error occurred (Code) when calling …</c>), or null.</summary>
    public string? ErrorCode
    {
        get
        {
            var start = Stderr.IndexOf("An error occurred (", StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            start += "An error occurred (".Length;
            return Stderr[start..Stderr.IndexOf(')', start)];
        }
    }
}
