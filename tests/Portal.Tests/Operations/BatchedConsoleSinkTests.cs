using System.Text;
using System.Text.Json;
using ContainerNetLib.Portal.Infrastructure.Logging;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace ContainerNetLib.Portal.Tests.Operations;

public class BatchedConsoleSinkTests
{
    private static LogEvent Event(int n, string text) => new(DateTimeOffset.UnixEpoch.AddSeconds(n), LogEventLevel.Information, null,
        new MessageTemplateParser().Parse("Line {N}: {Text}"), [new("N", new ScalarValue(n)), new("Text", new ScalarValue(text))]);

    [Fact]
    public async Task A_batch_is_written_whole_one_json_event_a_line_in_order()
    {
        // Otherwise: the log shipper reads torn or reordered lines, or loses the non-ASCII text of a title.
        using var output = new MemoryStream();
        var sink = new BatchedConsoleSink(new CompactJsonFormatter(), output);
        var texts = Enumerable.Range(0, 5_000).Select(i => i % 7 == 0 ? $"Überlay «{i}» \"quoted\"\n" : new string('x', i % 300)).ToList();

        await sink.EmitBatchAsync(texts.Take(3_000).Select((t, i) => Event(i, t)).ToList());
        await sink.EmitBatchAsync(texts.Skip(3_000).Select((t, i) => Event(3_000 + i, t)).ToList());

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5_000, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            Assert.Equal(i, json.RootElement.GetProperty("N").GetInt32());
            Assert.Equal(texts[i], json.RootElement.GetProperty("Text").GetString());
        }
    }
}
