using Tenancy.Observability;

namespace Tenancy.Benchmarks.Observability;

/// <summary>Drops finished lines, so the benchmarks measure building a line, not the terminal.</summary>
internal sealed class DiscardingLineOutput : LineOutput
{
    public long Bytes { get; private set; }

    public override void WriteLine(ReadOnlySpan<byte> utf8Line) => Bytes += utf8Line.Length;
}
