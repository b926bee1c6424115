using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>
/// Decides which syntax trees are the Tenancy generator's own output, which TNT003 exempts.
/// <para>
/// The compiler names a generated tree <c>&lt;base&gt;/&lt;generator assembly&gt;/&lt;generator type&gt;/&lt;hint name&gt;</c>,
/// where the base is the intermediate output directory in a build (e.g. <c>obj/Debug/net10.0/</c>) and empty for an
/// in-memory driver; and it appends generated trees after all of the project's own files. A tree is trusted only when
/// (1) its path has the shape <c>…/Tenancy.Generators/Tenancy.Generators.&lt;Type&gt;/&lt;hint&gt;</c> and (2) it lies in the
/// run of generator-shaped trees that ends the compilation. A hand-written file placed in a folder of that name is a
/// project file, so it comes before the project's other files (e.g. the SDK's <c>AssemblyInfo.cs</c>) and fails (2);
/// a <c>*.g.cs</c> name or an <c>&lt;auto-generated/&gt;</c> header proves nothing and is not looked at.
/// </para>
/// </summary>
internal static class GeneratedTreeTrust
{
    private const string GeneratorAssembly = "Tenancy.Generators";

    public static HashSet<SyntaxTree> FindTrustedTrees(Compilation compilation)
    {
        var trusted = new HashSet<SyntaxTree>();
        var trees = new List<SyntaxTree>(compilation.SyntaxTrees);
        string? baseDirectory = null;
        for (var i = trees.Count - 1; i >= 0; i--)
        {
            if (!TrySplitGeneratedPath(trees[i].FilePath, out var treeBase, out var assembly, out var generatorType))
            {
                break;
            }

            // All generated trees share one base directory; a different one means we left the generated run.
            baseDirectory ??= treeBase;
            if (!string.Equals(baseDirectory, treeBase, System.StringComparison.Ordinal))
            {
                break;
            }

            if (assembly == GeneratorAssembly && generatorType.StartsWith(GeneratorAssembly + ".", System.StringComparison.Ordinal))
            {
                trusted.Add(trees[i]);
            }
        }

        return trusted;
    }

    /// <summary>Splits <c>base/GeneratorAssembly/GeneratorType/hint</c> (any generator's output has this shape).</summary>
    internal static bool TrySplitGeneratedPath(string path, out string baseDirectory, out string assembly, out string generatorType)
    {
        baseDirectory = string.Empty;
        assembly = string.Empty;
        generatorType = string.Empty;
        var normalized = path.Replace('\\', '/');
        var hintStart = normalized.LastIndexOf('/');
        if (hintStart <= 0 || hintStart == normalized.Length - 1)
        {
            return false;
        }

        var typeStart = normalized.LastIndexOf('/', hintStart - 1);
        if (typeStart <= 0)
        {
            return false;
        }

        var assemblyStart = normalized.LastIndexOf('/', typeStart - 1) + 1;
        assembly = normalized.Substring(assemblyStart, typeStart - assemblyStart);
        generatorType = normalized.Substring(typeStart + 1, hintStart - typeStart - 1);
        if (assembly.Length == 0 || generatorType.Length == 0)
        {
            return false;
        }

        baseDirectory = normalized.Substring(0, assemblyStart);
        return true;
    }
}
