using System.IO.Compression;

namespace Tenancy.Analyzers.Tests.Consumers;

/// <summary>
/// Builds consumer projects with the plain <c>dotnet build</c> CLI: the generator, analyzers and build guard rails
/// arrive through the ProjectReference to Tenancy.Isolation exactly as an application gets them.
/// </summary>
[Collection(nameof(ConsumerBuildTests))]
public sealed class ConsumerBuildTests(CleanConsumerFixture clean) : IClassFixture<CleanConsumerFixture>
{
    [Fact]
    public void A_clean_consumer_builds()
    {
        Assert.True(clean.Result.ExitCode == 0, clean.Result.Output);
        Assert.DoesNotContain(clean.Result.Errors, e => e.Contains("error TNT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_violation_fails_the_build_with_its_id()
    {
        var result = await clean.Project.BuildAsync("--no-dependencies", "--no-restore", "-p:Scenario=Violations");

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.HasError("TNT001", "Tnt001.cs"), result.Output);
        Assert.True(result.HasError("TNT002", "Tnt002.cs"), result.Output);
        Assert.True(result.HasError("TNT003", "Tnt003.cs"), result.Output); // despite the .editorconfig severity = none
        Assert.True(result.HasError("TNT004", "Tnt004.cs"), result.Output); // despite <NoWarn>
        Assert.True(result.HasError("TNT005", "Tnt005.cs"), result.Output);
        Assert.True(result.HasError("TNT006", "Tnt006.cs"), result.Output);
        Assert.True(result.HasError("TNT007", "Tnt007.cs"), result.Output); // the #pragma
        Assert.True(result.HasError("TNT003", "Tnt007.cs"), result.Output); // ... which suppressed nothing
        Assert.Contains(result.Errors, e => e.Contains("error TNT007:", StringComparison.Ordinal) && e.Contains("TNT004", StringComparison.Ordinal) && e.Contains("'Suppress'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("error TNT007:", StringComparison.Ordinal) && e.Contains("dotnet_diagnostic.TNT003.severity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suppressing_every_id_with_SuppressMessage_still_fails_the_build()
    {
        var result = await clean.Project.BuildAsync("--no-dependencies", "--no-restore", "-p:Scenario=Suppressed");

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.HasError("TNT007"), result.Output);
        Assert.Contains(result.Errors, e => e.Contains(".tenancy.sarif", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turning_analyzers_off_fails_the_build()
    {
        var result = await clean.Project.BuildAsync("--no-dependencies", "--no-restore", "-p:RunAnalyzers=false");

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.HasError("TNT007"), result.Output);
    }

    [Fact]
    public async Task The_package_carries_generator_analyzers_code_fixes_and_build_targets()
    {
        var output = Path.Combine(ConsumerProject.RepositoryRoot, "artifacts", "packages");
        var result = await clean.Project.RunDotnetAsync("pack", Path.Combine(ConsumerProject.RepositoryRoot, "src", "Tenancy.Isolation", "Tenancy.Isolation.csproj"), "-c", ConsumerProject.Configuration, "--no-build", "--no-restore", "-o", output);
        Assert.True(result.ExitCode == 0, result.Output);

        var package = Directory.GetFiles(output, "Tenancy.Isolation.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).First();
        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/Tenancy.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Tenancy.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Tenancy.CodeFixes.dll", entries);
        Assert.Contains("build/Tenancy.Isolation.targets", entries);
        Assert.Contains("buildTransitive/Tenancy.Isolation.targets", entries);
        Assert.Contains("lib/net10.0/Tenancy.Isolation.dll", entries);

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var manifest = await nuspec.ReadToEndAsync();
        Assert.DoesNotContain("Tenancy.Generators", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("Tenancy.Analyzers", manifest, StringComparison.Ordinal);
    }
}

/// <summary>
/// One consumer project whose <c>Scenario</c> property picks the folder it compiles (Clean, Violations, Suppressed), so
/// it is restored once. The clean build also brings Tenancy.Isolation and the generators up to date for the others.
/// </summary>
public sealed class CleanConsumerFixture : IAsyncLifetime
{
    private const string ScenarioSelection = """
          <PropertyGroup>
            <Scenario Condition="'$(Scenario)' == ''">Clean</Scenario>
            <NoWarn Condition="'$(Scenario)' == 'Violations'">$(NoWarn);TNT004</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <Compile Remove="**/*.cs" />
            <Compile Include="$(Scenario)/**/*.cs" />
          </ItemGroup>
        """;

    internal BuildResult Result { get; private set; } = new(-1, "not built");

    internal ConsumerProject Project { get; } = ConsumerProject.Create("App", ConsumerSources.AllScenarios, ScenarioSelection);

    public async Task InitializeAsync() => Result = await Project.BuildAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
