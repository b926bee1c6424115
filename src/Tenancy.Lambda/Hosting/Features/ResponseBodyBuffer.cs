namespace Tenancy.Lambda.Hosting.Features;

/// <summary>
/// The response body: API Gateway integrations are buffered, so it collects bytes in memory. The first write starts the
/// response (runs <c>OnStarting</c> callbacks and locks the headers) exactly as it would on Kestrel.
/// </summary>
internal sealed class ResponseBodyBuffer : Stream
{
    private readonly MemoryStream _buffer = new();
    private readonly Func<Task> _startResponse;
    private bool _started;

    public ResponseBodyBuffer(Func<Task> startResponse) => _startResponse = startResponse;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _buffer.Length;

    public override long Position
    {
        get => _buffer.Length;
        set => throw new NotSupportedException();
    }

    public int WrittenLength => (int)_buffer.Length;

    public ReadOnlySpan<byte> Written => _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);

    public void Reset() => _buffer.SetLength(0);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_started)
        {
            // Synchronous writers get the same OnStarting semantics; callbacks are almost always synchronous.
            EnsureStartedAsync().GetAwaiter().GetResult();
        }

        _buffer.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_started)
        {
            await EnsureStartedAsync().ConfigureAwait(false);
        }

        _buffer.Write(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private Task EnsureStartedAsync()
    {
        _started = true;
        return _startResponse();
    }
}
