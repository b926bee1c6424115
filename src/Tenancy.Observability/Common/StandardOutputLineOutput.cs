namespace Tenancy.Observability;

/// <summary>
/// Writes lines straight to the process's stdout stream: one write per line, which Lambda turns into one CloudWatch
/// event. Logging and metrics share this instance so their lines never interleave either.
/// </summary>
internal sealed class StandardOutputLineOutput : LineOutput
{
    private readonly Lock _gate = new();
    private readonly Stream _stdout = Console.OpenStandardOutput();

    private StandardOutputLineOutput()
    {
    }

    public static StandardOutputLineOutput Instance { get; } = new();

    public override void WriteLine(ReadOnlySpan<byte> utf8Line)
    {
        lock (_gate)
        {
            _stdout.Write(utf8Line);
            _stdout.Flush();
        }
    }
}
