namespace Tenancy.Generators.Tests;

/// <summary>Invalid declarations produce no output and no exception; the TNT analyzers report them instead.</summary>
public class InvalidDeclarationTests
{
    private const string Entity = """
        namespace Bad;

        [TenantEntity("ITEM#{Id}")]
        public sealed record Item(string Id, string Name);

        """;

    [Theory]
    [MemberData(nameof(Declarations.InvalidNames), MemberType = typeof(Declarations))]
    public void Invalid_declaration_produces_no_output_and_no_exception(string why)
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, Declarations.Invalid[why]);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.Empty(diagnostics);
        Assert.True(result.GeneratedSources.IsEmpty, $"{why}: the generator emitted {result.GeneratedSources.Length} files.");
    }

    [Fact]
    public void A_valid_declaration_next_to_an_invalid_one_is_still_generated()
    {
        var compilation = GeneratorHarness.Compile(
            Scenarios.Usings,
            Scenarios.Memos,
            Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> FetchAsync(TenantScope scope, string id); }");
        var (result, output) = GeneratorHarness.Run(compilation);

        Assert.Equal(2, result.GeneratedTrees.Length);
        Assert.All(result.GeneratedTrees, t => Assert.Contains("MemoRepository", t.FilePath, StringComparison.Ordinal));
        Assert.DoesNotContain(GeneratorHarness.Problems(output), p => p.Contains(".g.cs", StringComparison.Ordinal));
    }
}
