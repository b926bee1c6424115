using System.Text;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tenancy.Generators;

namespace Tenancy.Benchmarks.Generators;

/// <summary>
/// The repository generator over a synthetic project of 200 repositories (one entity each, with a nested type, an
/// enum, a partition template and a tenant index; seven methods): a cold full run, and a warm re-run after an
/// unrelated edit (what the IDE pays per keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    public const int Repositories = 200;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(Usings, ParseOptions) };
        for (var i = 0; i < Repositories; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(Repository(i), ParseOptions, path: $"Repository{i}.cs"));
        }

        _compilation = CSharpCompilation.Create(
            "Synthetic",
            trees,
            [
                .. Net100.References.All,
                MetadataReference.CreateFromFile(typeof(Tenancy.Isolation.TenantScope).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.IAmazonDynamoDB).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public static class Edit { public static int M() => 1; }", ParseOptions));

        var generated = Driver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
        if (generated != Repositories * 2)
        {
            throw new InvalidOperationException($"Expected {Repositories * 2} generated files, got {generated}.");
        }

        _warmDriver = Driver().RunGenerators(_compilation);
    }

    [Benchmark]
    public int Cold_run_200_repositories() => Driver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int Warm_rerun_after_unrelated_edit() => _warmDriver.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

    private static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create([new RepositoryGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Tenancy.Isolation;
        global using Tenancy.Isolation.Repositories;
        """;

    private static string Repository(int i)
    {
        var source = new StringBuilder();
        source.Append($$"""
            namespace App.Area{{i}};

            public enum State{{i}} { Open, Closed }

            public sealed record Detail{{i}}(string Name, decimal Amount, List<string> Tags);

            [TenantEntity("ITEM#{Id}", PartitionKey = "OWNER#{OwnerId}")]
            [TenantIndex("GSI1", PartitionKey = "STATE#{State}", SortKey = "{CreatedAt}")]
            public sealed record Item{{i}}
            {
                public required string OwnerId { get; init; }
                public required string Id { get; init; }
                public State{{i}} State { get; init; }
                public DateTimeOffset CreatedAt { get; init; }
                public int Count { get; init; }
                public string? Note { get; init; }
                public List<Detail{{i}}> Details { get; init; } = [];
                public Dictionary<string, int> Counters { get; init; } = [];
                [ConcurrencyVersion] public long Version { get; init; }
            }

            [TenantRepository(typeof(Item{{i}}))]
            public partial interface IItem{{i}}Repository
            {
                Task<Item{{i}}?> GetAsync(TenantScope scope, string ownerId, string id, CancellationToken cancellationToken = default);
                Task<Item{{i}}> CreateAsync(TenantScope scope, Item{{i}} item, CancellationToken cancellationToken = default);
                Task<Item{{i}}> UpsertAsync(TenantScope scope, Item{{i}} item, CancellationToken cancellationToken = default);
                Task<Item{{i}}> UpdateAsync(TenantScope scope, Item{{i}} item, CancellationToken cancellationToken = default);
                Task<bool> DeleteAsync(TenantScope scope, string ownerId, string id, CancellationToken cancellationToken = default);
                Task<Page<Item{{i}}>> QueryAsync(TenantScope scope, string ownerId, SortKeyCondition? condition, PageRequest page, CancellationToken cancellationToken = default);
                [QueryIndex("GSI1")]
                Task<Page<Item{{i}}>> QueryByStateAsync(TenantScope scope, State{{i}} state, SortKeyCondition? createdAt, PageRequest page, CancellationToken cancellationToken = default);
            }
            """);
        return source.ToString();
    }
}
