using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Tenancy.Declarations.Problems;

namespace Tenancy.CodeFixes;

/// <summary>TNT001: adds <c>TenantScope scope</c> as the first parameter, or moves an existing TenantScope parameter first.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTenantScopeParameterCodeFix)), Shared]
public sealed class AddTenantScopeParameterCodeFix : CodeFixProvider
{
    private const string Title = "Take a TenantScope as the first parameter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TNT001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var method = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            if (method is null)
            {
                continue;
            }

            var scopeIndex = diagnostic.Properties.TryGetValue(FixKinds.ScopeIndexKey, out var index) && index is not null
                ? int.Parse(index, CultureInfo.InvariantCulture)
                : -1;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixAsync(context.Document, method, scopeIndex, ct), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, MethodDeclarationSyntax method, int scopeIndex, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var parameters = method.ParameterList.Parameters;
        ParameterSyntax scope;
        if (scopeIndex >= 0 && scopeIndex < parameters.Count)
        {
            scope = parameters[scopeIndex].WithoutTrivia();
            parameters = parameters.RemoveAt(scopeIndex);
        }
        else
        {
            var type = SyntaxFactory.ParseTypeName("global::Tenancy.Isolation.TenantScope").WithAdditionalAnnotations(Simplifier.Annotation);
            scope = SyntaxFactory.Parameter(SyntaxFactory.Identifier(UniqueName(parameters))).WithType(type);
        }

        var updated = method.WithParameterList(method.ParameterList.WithParameters(parameters.Insert(0, scope)));
        var newDocument = document.WithSyntaxRoot(root.ReplaceNode(method, updated));
        return await Simplifier.ReduceAsync(newDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string UniqueName(SeparatedSyntaxList<ParameterSyntax> parameters)
    {
        var name = "scope";
        var suffix = 1;
        while (parameters.Any(p => p.Identifier.ValueText == name))
        {
            name = "scope" + (++suffix).ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }
}
