using System.Buffers;
using System.Text;

namespace Tenancy.Observability;

/// <summary>Writes lines to a caller-supplied <see cref="TextWriter"/> (tests, or a host that redirects output).</summary>
internal sealed class TextWriterLineOutput(TextWriter writer) : LineOutput
{

    public override void WriteLine(ReadOnlySpan<byte> utf8Line)
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8Line.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8Line, chars);
            // Locking the writer itself: a logger and a metrics instance given the same writer share one lock.
            lock (writer)
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
