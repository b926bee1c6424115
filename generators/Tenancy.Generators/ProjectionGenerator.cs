using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tenancy.Declarations.Model;
using Tenancy.Declarations.Reading;
using Tenancy.Generators.Emitting;

namespace Tenancy.Generators;

/// <summary>
/// Implements every <c>[TenantProjection]</c> type: its attribute names and a repository of projection-only reads.
/// Like <see cref="RepositoryGenerator"/>, all semantic analysis happens in the shared reader inside the attribute
/// transform; a projection with problems is not implemented and the TNT analyzers report why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProjectionGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var sources = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.TenantProjectionAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (attributeContext, cancellationToken) => Read(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.Projections)
            .Where(static reading => reading?.Spec is not null)
            .Select(static (reading, _) => reading!.Spec!)
            .WithTrackingName(TrackingNames.ValidProjections)
            .Select(static (spec, _) => Render(spec))
            .WithTrackingName(TrackingNames.ProjectionSources);

        context.RegisterSourceOutput(sources, static (output, file) => output.AddSource(file.HintName, file.Text));
    }

    private static ProjectionReading? Read(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken) =>
        context.TargetSymbol is INamedTypeSymbol projection && context.Attributes.Length == 1
            ? ProjectionReader.Read(projection, context.Attributes[0], cancellationToken)
            : null;

    private static GeneratedFile Render(ProjectionSpec spec)
    {
        var baseName = (spec.Namespace is null ? string.Empty : spec.Namespace + ".") + spec.Name;
        return new GeneratedFile(baseName + ".Projection.g.cs", ProjectionEmitter.Emit(spec));
    }
}
