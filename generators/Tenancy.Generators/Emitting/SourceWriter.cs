using System.Text;

namespace Tenancy.Generators.Emitting;

/// <summary>
/// Writes generated C# line by line. Indentation is explicit: <see cref="OpenBlock"/> writes <c>{</c> and indents,
/// <see cref="CloseBlock"/> unindents and writes <c>}</c>; nothing is inferred from the text of a line.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * IndentSize).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public SourceWriter OpenBlock()
    {
        WriteLine("{");
        return Indent();
    }

    /// <summary>Ends a block; <paramref name="closing"/> is e.g. <c>};</c> after an initializer.</summary>
    public SourceWriter CloseBlock(string closing = "}")
    {
        Unindent();
        return WriteLine(closing);
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Unindent()
    {
        _indent--;
        return this;
    }

    public override string ToString() => _text.ToString();
}
