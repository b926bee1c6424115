using Microsoft.CodeAnalysis.CSharp;

namespace Tenancy.Generators.Emitting;

internal static class Identifier
{
    /// <summary>Prefixes C# keywords with <c>@</c>.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
