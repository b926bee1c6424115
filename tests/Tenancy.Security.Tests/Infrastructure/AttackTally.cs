using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Tenancy.Security.Tests.Infrastructure;

/// <summary>
/// Counts cross-tenant attempts per data path (attempts, denied, empty, leaked) and writes them out as a table, so
/// the figures in docs/security.md come from a run rather than from memory.
/// </summary>
public sealed class AttackTally
{
    private readonly ConcurrentDictionary<string, long[]> _byPath = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _leaks = new();

    public void Record(string path, AttackOutcome outcome, string attempt)
    {
        var counters = _byPath.GetOrAdd(path, _ => new long[3]);
        Interlocked.Increment(ref counters[(int)outcome]);
        if (outcome == AttackOutcome.Leaked)
        {
            _leaks.Enqueue($"{path}: {attempt}");
        }
    }

    public long Attempts(string path) => _byPath.TryGetValue(path, out var c) ? c.Sum() : 0;

    public long Count(string path, AttackOutcome outcome) => _byPath.TryGetValue(path, out var c) ? Interlocked.Read(ref c[(int)outcome]) : 0;

    public IReadOnlyCollection<string> Leaks => _leaks.ToArray();

    /// <summary>A markdown table: path, attempts, denied, empty, leaked.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| path | attempts | denied | empty | leaked |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (path, c) in _byPath.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {path} | {c.Sum()} | {c[0]} | {c[1]} | {c[2]} |"));
        }

        return text.ToString();
    }

    /// <summary>Writes the table beside the test assembly and, when set, to <c>TENANCY_SECURITY_REPORT</c>.</summary>
    public void WriteOut()
    {
        var table = ToMarkdown();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "security-corpus.md"), table);
        if (Environment.GetEnvironmentVariable("TENANCY_SECURITY_REPORT") is { Length: > 0 } report)
        {
            File.WriteAllText(report, table);
        }
    }
}
