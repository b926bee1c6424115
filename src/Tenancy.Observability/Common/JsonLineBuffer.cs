using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tenancy.Observability;

/// <summary>
/// A reusable buffer and <see cref="Utf8JsonWriter"/> for building one JSON line. One per thread, so writing a log
/// line allocates nothing for the buffer; a nested use on the same thread (a value's <c>ToString</c> that logs)
/// gets a fresh one instead of corrupting the line in progress.
/// </summary>
internal sealed class JsonLineBuffer : IDisposable
{
    // Buffers that grew for an unusually large line are not kept, so one huge entry cannot pin memory forever.
    private const int MaxRetainedBytes = 64 * 1024;

    [ThreadStatic]
    private static JsonLineBuffer? _cached;

    private readonly ArrayBufferWriter<byte> _bytes = new(1024);
    private bool _inUse;

    private JsonLineBuffer()
    {
        Writer = new Utf8JsonWriter(_bytes, WriterOptions);
    }

    /// <summary>Powertools writes with relaxed escaping, so non-ASCII text and '+' stay readable in CloudWatch.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    public Utf8JsonWriter Writer { get; }

    /// <summary>Keys already written to the current line, so the first (most specific) source of a key wins.</summary>
    public HashSet<string> WrittenKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Scratch list for scope key/value pairs of the current line.</summary>
    public List<KeyValuePair<string, object?>> ScopePairs { get; } = [];

    /// <summary>The line written so far, valid after <see cref="Complete"/>.</summary>
    public ReadOnlySpan<byte> Line => _bytes.WrittenSpan;

    public static JsonLineBuffer Rent()
    {
        var buffer = _cached;
        if (buffer is null || buffer._inUse)
        {
            buffer = new JsonLineBuffer();
            _cached ??= buffer;
        }

        buffer._inUse = true;
        buffer.Restart();
        return buffer;
    }

    /// <summary>Flushes the writer and appends the line terminator.</summary>
    public void Complete()
    {
        Writer.Flush();
        _bytes.GetSpan(1)[0] = (byte)'\n';
        _bytes.Advance(1);
    }

    /// <summary>Discards what was written, for a retry after a failure in the middle of a line.</summary>
    public void Restart()
    {
        _bytes.ResetWrittenCount();
        Writer.Reset(_bytes);
        WrittenKeys.Clear();
        ScopePairs.Clear();
    }

    public void Dispose()
    {
        _inUse = false;
        if (_bytes.Capacity > MaxRetainedBytes && ReferenceEquals(_cached, this))
        {
            _cached = null;
        }
    }
}
