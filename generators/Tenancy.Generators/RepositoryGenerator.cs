using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tenancy.Generators.Emitting;
using Tenancy.Generators.Model;
using Tenancy.Generators.Parsing;

namespace Tenancy.Generators;

/// <summary>
/// Implements every <c>[TenantRepository]</c> partial interface: a tenant-scoped DynamoDB repository and a
/// reflection-free item mapper. All semantic analysis happens in the attribute transform and yields an equatable
/// <see cref="RepositorySpec"/>, so edits elsewhere leave the pipeline cached.
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
                static (attributeContext, cancellationToken) => RepositoryParser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.Repositories)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
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
