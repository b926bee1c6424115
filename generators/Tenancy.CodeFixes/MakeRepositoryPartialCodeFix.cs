using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tenancy.Declarations.Problems;

namespace Tenancy.CodeFixes;

/// <summary>TNT002 (interface not partial): adds the <c>partial</c> modifier, which must come right before <c>interface</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeRepositoryPartialCodeFix)), Shared]
public sealed class MakeRepositoryPartialCodeFix : CodeFixProvider
{
    private const string Title = "Make the repository interface partial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TNT002");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixKinds.FixKey, out var fix) || fix != FixKinds.MakePartial)
            {
                continue;
            }

            var declaration = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<InterfaceDeclarationSyntax>().FirstOrDefault();
            if (declaration is null || declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, ct => FixAsync(context.Document, declaration, ct), equivalenceKey: Title), diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, InterfaceDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        SyntaxNode updated;
        if (declaration.Modifiers.Count == 0)
        {
            // Keep the attribute lists' and keyword's trivia where they were: partial takes the keyword's leading trivia.
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            updated = declaration.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
        }
        else
        {
            updated = declaration.WithModifiers(declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
    }
}
