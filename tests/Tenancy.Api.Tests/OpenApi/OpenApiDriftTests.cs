using System.Diagnostics;
using System.Text.Json.Nodes;
using Tenancy.Testing;

namespace Tenancy.Api.Tests.OpenApi;

/// <summary>
/// <c>docs/openapi.json</c> is what the build generates from the routes today: the script regenerates the document
/// into a temporary folder (a real build running the document tool) and the two must be the same JSON.
/// </summary>
[Collection(OpenApiBuildCollection.Name)]
public sealed class OpenApiDriftTests
{
    [Fact]
    public async Task Committed_document_matches_the_one_the_build_generates()
    {
        var output = Directory.CreateTempSubdirectory("tenancy-openapi-");
        try
        {
            var (exitCode, log) = await RunScriptAsync(output.FullName);
            Assert.True(exitCode == 0, $"scripts/openapi.sh failed ({exitCode}):\n{log}");

            var generated = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "openapi.json")));
            var committed = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.PathOf("docs/openapi.json")));
            Assert.True(
                JsonNode.DeepEquals(generated, committed),
                "docs/openapi.json is out of date with the routes in src/Tenancy.Api: run scripts/openapi.sh and commit the result.");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Log)> RunScriptAsync(string outputDirectory)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { RepositoryFiles.PathOf("scripts/openapi.sh"), outputDirectory },
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
