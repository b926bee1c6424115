using System.Buffers;
using System.Text;

namespace Tenancy.Observability;

/// <summary>Writes lines to a caller-supplied <see cref="TextWriter"/> (tests, or a host that redirects output).</summary>
internal sealed class TextWriterLineOutput(TextWriter writer) : LineOutput
{
    private readonly Lock _gate = new();

    public override void WriteLine(ReadOnlySpan<byte> utf8Line)
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8Line.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8Line, chars);
            lock (_gate)
            {
                writer.Write(chars.AsSpan(0, count));
                writer.Flush();
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
