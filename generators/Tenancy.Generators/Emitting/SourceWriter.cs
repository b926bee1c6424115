using System.Text;

namespace Tenancy.Generators.Emitting;

/// <summary>Writes indented C# lines; <c>{</c>/<c>}</c> lines adjust the indentation.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length == 0)
        {
            _text.Append('\n');
            return this;
        }

        if (line.StartsWith("}", System.StringComparison.Ordinal))
        {
            _indent--;
        }

        _text.Append(' ', _indent * 4).Append(line).Append('\n');
        if (line.EndsWith("{", System.StringComparison.Ordinal) && !line.EndsWith("{ }", System.StringComparison.Ordinal))
        {
            _indent++;
        }

        return this;
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    public override string ToString() => _text.ToString();
}
