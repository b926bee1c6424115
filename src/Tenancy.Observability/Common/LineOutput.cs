namespace Tenancy.Observability;

/// <summary>
/// Where finished JSON lines go. Each line is handed over whole, newline included, under one lock, so lines from
/// concurrent threads never interleave.
/// </summary>
internal abstract class LineOutput
{
    /// <summary>Writes one UTF-8 line; <paramref name="utf8Line"/> already ends with <c>\n</c>.</summary>
    public abstract void WriteLine(ReadOnlySpan<byte> utf8Line);

    public static LineOutput For(TextWriter? writer) =>
        writer is null ? StandardOutputLineOutput.Instance : new TextWriterLineOutput(writer);
}
