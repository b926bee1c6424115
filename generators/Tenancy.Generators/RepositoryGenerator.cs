using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tenancy.Declarations.Model;
using Tenancy.Declarations.Reading;
using Tenancy.Generators.Emitting;

namespace Tenancy.Generators;

/// <summary>
/// Implements every <c>[TenantRepository]</c> partial interface: a tenant-scoped DynamoDB repository and a
/// reflection-free item mapper. The shared declaration reader does all semantic analysis in the attribute transform
/// and yields equatable values, so edits elsewhere leave the pipeline cached. A declaration with problems is not
/// implemented; the TNT analyzers, which run the same reader, report those problems.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RepositoryGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var sources = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.TenantRepositoryAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (attributeContext, cancellationToken) => Read(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.Repositories)
            .Where(static reading => reading?.Spec is not null)
            .Select(static (reading, _) => reading!.Spec!)
            .WithTrackingName(TrackingNames.ValidRepositories)
            .Select(static (spec, _) => Render(spec))
            .WithTrackingName(TrackingNames.Sources);

        context.RegisterSourceOutput(sources, static (output, files) =>
        {
            foreach (var file in files)
            {
                output.AddSource(file.HintName, file.Text);
            }
        });
    }

    private static RepositoryReading? Read(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken) =>
        context.TargetSymbol is INamedTypeSymbol repository && context.Attributes.Length == 1
            ? RepositoryReader.Read(repository, context.Attributes[0], cancellationToken)
            : null;

    private static EquatableArray<GeneratedFile> Render(RepositorySpec spec)
    {
        var baseName = (spec.Namespace is null ? string.Empty : spec.Namespace + ".") + spec.ClassName;
        return new[]
        {
            new GeneratedFile(baseName + ".g.cs", RepositoryEmitter.Emit(spec)),
            new GeneratedFile(baseName + ".ItemMapper.g.cs", MapperEmitter.Emit(spec)),
        }.ToEquatableArray();
    }
}
