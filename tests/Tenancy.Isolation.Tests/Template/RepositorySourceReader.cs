using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// Finds every <c>[TenantRepository]</c> interface in C# sources with Roslyn and reads the entity's table keys and
/// <c>[TenantIndex]</c> declarations through the semantic model, the way the generator sees them (constants resolved,
/// the generator's default attribute names applied). Each project folder is compiled on its own, against the
/// framework and Tenancy.Isolation only: binding the attributes needs nothing else.
/// </summary>
public static class RepositorySourceReader
{
    private static readonly string RepositoryAttribute = typeof(TenantRepositoryAttribute).FullName!;
    private static readonly string EntityAttribute = typeof(TenantEntityAttribute).FullName!;
    private static readonly string IndexAttribute = typeof(TenantIndexAttribute).FullName!;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The SDK's implicit usings: the projects compile with ImplicitUsings enabled.
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
        + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
        ParseOptions,
        path: "ImplicitUsings.g.cs");

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(FrameworkAndIsolation);

    /// <summary>Reads every project under the given folders of <paramref name="root"/> (bin, obj and hidden folders skipped).</summary>
    public static DeclaredRepositories ReadFolders(string root, params string[] folders)
    {
        var files = folders
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutputOrHidden(Path.GetRelativePath(root, path)))
            .Order(StringComparer.Ordinal);

        var repositories = new List<RepositoryDeclaration>();
        var problems = new List<string>();
        foreach (var project in files.GroupBy(path => ProjectFolderOf(path, root), StringComparer.Ordinal))
        {
            var read = Read(project.Select(path => (Path.GetRelativePath(root, path), File.ReadAllText(path))));
            repositories.AddRange(read.Repositories);
            problems.AddRange(read.Problems);
        }

        return new DeclaredRepositories(repositories, problems);
    }

    /// <summary>Reads sources that form one compilation; each source is (path shown in messages, C# text).</summary>
    public static DeclaredRepositories Read(IEnumerable<(string Path, string Text)> sources)
    {
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, path: source.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "RepositorySources",
            [ImplicitUsings, .. trees],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var repositories = new List<RepositoryDeclaration>();
        var problems = new List<string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<InterfaceDeclarationSyntax>().Where(HasRepositoryAttributeSyntax))
            {
                var location = LocationOf(declaration);
                var repository = model.GetDeclaredSymbol(declaration)!;
                var (found, repositoryProblems) = ReadRepository(repository, location);
                if (found is not null)
                {
                    repositories.Add(found);
                }

                problems.AddRange(repositoryProblems.Select(problem => $"{location}: {repository.Name}: {problem}"));
            }
        }

        return new DeclaredRepositories(repositories, problems);
    }

    private static (RepositoryDeclaration? Repository, IReadOnlyList<string> Problems) ReadRepository(INamedTypeSymbol repository, string location)
    {
        var attribute = repository.GetAttributes().FirstOrDefault(a => IsAttribute(a, RepositoryAttribute));
        if (attribute is null)
        {
            return (null, [$"its [TenantRepository] does not bind to {RepositoryAttribute}"]);
        }

        if (attribute.ConstructorArguments is not [{ Value: INamedTypeSymbol entity }] || entity.TypeKind == TypeKind.Error)
        {
            return (null, ["the entity type of [TenantRepository(typeof(…))] does not resolve"]);
        }

        var entityAttribute = entity.GetAttributes().FirstOrDefault(a => IsAttribute(a, EntityAttribute));
        if (entityAttribute is null)
        {
            return (null, [$"its entity {entity.Name} has no [TenantEntity]"]);
        }

        var problems = new List<string>();
        var indexes = new List<IndexDeclaration>();
        foreach (var index in entity.GetAttributes().Where(a => IsAttribute(a, IndexAttribute)))
        {
            if (index.ConstructorArguments is not [{ Value: string name }] || name.Length == 0)
            {
                problems.Add($"a [TenantIndex] of {entity.Name} has no constant index name");
                continue;
            }

            var sortKey = Named(index, nameof(TenantIndexAttribute.SortKey));
            indexes.Add(new IndexDeclaration(
                name,
                Named(index, nameof(TenantIndexAttribute.PartitionKeyAttributeName)) ?? name + "PK",
                sortKey is null ? null : Named(index, nameof(TenantIndexAttribute.SortKeyAttributeName)) ?? name + "SK"));
        }

        var declaration = new RepositoryDeclaration(
            repository.Name,
            entity.Name,
            location,
            Named(entityAttribute, nameof(TenantEntityAttribute.PartitionKeyAttributeName)) ?? "PK",
            Named(entityAttribute, nameof(TenantEntityAttribute.SortKeyAttributeName)) ?? "SK",
            indexes);
        return (declaration, problems);
    }

    private static bool HasRepositoryAttributeSyntax(InterfaceDeclarationSyntax declaration) =>
        declaration.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => SimpleName(attribute.Name) is "TenantRepository" or "TenantRepositoryAttribute");

    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static bool IsAttribute(AttributeData attribute, string fullName) =>
        attribute.AttributeClass is { TypeKind: not TypeKind.Error } type && type.ToDisplayString() == fullName;

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(argument => argument.Key == name).Value.Value as string;

    private static string LocationOf(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return $"{span.Path.Replace('\\', '/')}:{span.StartLinePosition.Line + 1}";
    }

    private static bool IsBuildOutputOrHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .SkipLast(1)
            .Any(segment => segment is "bin" or "obj" || segment.StartsWith('.'));

    // The nearest folder with a project file: one compilation per project, so equal type names in two projects do not clash.
    private static string ProjectFolderOf(string path, string root)
    {
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length >= root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.EnumerateFiles(folder, "*.csproj").Any())
            {
                return folder;
            }
        }

        return root;
    }

    private static IReadOnlyList<MetadataReference> FrameworkAndIsolation()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkFolder, StringComparison.Ordinal));
        return [.. framework.Select(path => MetadataReference.CreateFromFile(path)), MetadataReference.CreateFromFile(typeof(TenantRepositoryAttribute).Assembly.Location)];
    }
}
