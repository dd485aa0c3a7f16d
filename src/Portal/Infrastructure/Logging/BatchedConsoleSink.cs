using System.Buffers;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace ContainerNetLib.Portal.Infrastructure.Logging;

/// <summary>
/// Writes log events to standard output a batch at a time: Serilog's batching queue hands over
/// whatever arrived (at most every <see cref="Period"/>), the batch is formatted into one buffer and
/// written with one call. Under load this is one write and one wake-up per batch, not one per
/// request line, so logging stays a small part of a cached page's cost.
/// Events are compact JSON, one a line: plain ones written directly as UTF-8 (<see cref="ClefWriter"/>),
/// the rest (exceptions, structured values) by <paramref name="formatter"/>.
/// </summary>
public sealed class BatchedConsoleSink(ITextFormatter formatter, Stream output) : IBatchedLogEventSink, IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly StringWriter _text = new();
    private readonly ClefWriter _clef = new();

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        // Only Serilog's single batching loop calls this: the buffers are never shared.
        _buffer.ResetWrittenCount();
        foreach (var logEvent in batch)
        {
            if (_clef.TryWrite(logEvent, _buffer))
            {
                _buffer.Write("\n"u8);
                continue;
            }
            var builder = _text.GetStringBuilder().Clear();
            formatter.Format(logEvent, _text);
            foreach (var chunk in builder.GetChunks())
                _buffer.Advance(Utf8.GetBytes(chunk.Span, _buffer.GetSpan(Utf8.GetMaxByteCount(chunk.Length))));
        }
        await output.WriteAsync(_buffer.WrittenMemory);
        await output.FlushAsync();
        // A burst of long events (stack traces) can grow the buffer; don't keep a burst's worth of memory for ever.
        if (_buffer.Capacity > 4 * 1024 * 1024) _buffer = new ArrayBufferWriter<byte>(64 * 1024);
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose() => output.Flush();
}
