using System.Diagnostics;
using System.Text;

namespace Tenancy.Analyzers.Tests.Consumers;

/// <summary>
/// A throwaway project under <c>artifacts/consumers/</c> (ignored by git, inside the repository so that
/// Directory.Build.* apply) that references src/Tenancy.Isolation like an application would, built with the plain CLI.
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The configuration the tests were built in, so the referenced projects are already up to date.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static ConsumerProject Create(string name, IReadOnlyDictionary<string, string> files, string extraProjectContent = "")
    {
        var directory = Path.Combine(RepositoryRoot, "artifacts", "consumers", name);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        var isolation = Path.GetRelativePath(directory, Path.Combine(RepositoryRoot, "src", "Tenancy.Isolation", "Tenancy.Isolation.csproj"));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{isolation}" />
              </ItemGroup>
            {extraProjectContent}
            </Project>
            """);
        foreach (var (fileName, content) in files)
        {
            var path = Path.Combine(directory, fileName);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        return new ConsumerProject(directory);
    }

    /// <summary>Runs <c>dotnet build</c>; <paramref name="arguments"/> are appended (e.g. <c>--no-dependencies</c>).</summary>
    public Task<BuildResult> BuildAsync(params string[] arguments) =>
        RunDotnetAsync(new[] { "build", "-c", Configuration, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary" }.Concat(arguments).ToArray());

    /// <summary>Runs the dotnet CLI in this project's directory and captures its output.</summary>
    public async Task<BuildResult> RunDotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the wrong SDK pieces.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "MSBuildExtensionsPath" || k == "MSBuildSDKsPath").ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        output.Append(await stdout).Append(await stderr);
        return new BuildResult(process.ExitCode, output.ToString());
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tenancy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tenancy.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record BuildResult(int ExitCode, string Output)
{
    /// <summary>The distinct error lines, e.g. <c>/…/Tnt003.cs(5,20): error TNT003: …</c>.</summary>
    public IReadOnlyList<string> Errors => Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();

    public bool HasError(string id, string? fileName = null) =>
        Errors.Any(e => e.Contains($"error {id}:", StringComparison.Ordinal) && (fileName is null || e.Contains("/" + fileName + "(", StringComparison.Ordinal)));
}
