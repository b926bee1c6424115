using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Tenancy.Declarations.Problems;

/// <summary>
/// Where a problem is, as plain values: a <see cref="Location"/> would keep a syntax tree (and with it the whole
/// compilation) alive in the generator's cache and never compare equal across runs.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location location) =>
        location.SourceTree is { } tree ? new LocationInfo(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span) : null;

    /// <summary>Back to a compiler location: in the compilation's own tree when it has one of that path.</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath)
            {
                return Location.Create(tree, Span);
            }
        }

        return Location.Create(FilePath, Span, LineSpan);
    }
}
