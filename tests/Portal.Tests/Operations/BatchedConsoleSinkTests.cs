using System.Text;
using System.Text.Json;
using ContainerNetLib.Portal.Infrastructure.Logging;
using Serilog.Formatting.Compact;
using Serilog.Events;
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

public class BatchedConsoleSinkBurstTests
{
    [Fact]
    public async Task After_a_burst_of_long_events_the_next_batches_are_still_whole()
    {
        // Otherwise: once a batch of stack traces has grown the buffer (and it is let go), later lines come out torn or lost.
        using var output = new MemoryStream();
        var sink = new BatchedConsoleSink(new CompactJsonFormatter(), output);
        var template = new MessageTemplateParser().Parse("Line {N}: {Text}");
        LogEvent Event(int n, string text) => new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, template,
            [new("N", new ScalarValue(n)), new("Text", new ScalarValue(text))]);

        await sink.EmitBatchAsync(Enumerable.Range(0, 100).Select(i => Event(i, new string('y', 60_000))).ToList());
        await sink.EmitBatchAsync([Event(100, "after"), Event(101, "the burst")]);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(102, lines.Length);
        Assert.Equal(60_000, JsonDocument.Parse(lines[99]).RootElement.GetProperty("Text").GetString()!.Length);
        Assert.Equal("the burst", JsonDocument.Parse(lines[101]).RootElement.GetProperty("Text").GetString());
    }
}

public class ClefWriterTests
{
    private static LogEvent Event(string template, LogEventLevel level, Exception? error, params (string Name, LogEventPropertyValue Value)[] properties) =>
        new(new DateTimeOffset(2026, 11, 28, 2, 4, 8, TimeSpan.FromHours(1)).AddTicks(2583221), level, error,
            new MessageTemplateParser().Parse(template), properties.Select(p => new LogEventProperty(p.Name, p.Value)),
            System.Diagnostics.ActivityTraceId.CreateRandom(), System.Diagnostics.ActivitySpanId.CreateRandom());

    public static TheoryData<string> Events => ["request", "warning", "editor", "odd-names", "unicode", "exception", "structure", "nan"];

    private static LogEvent Named(string name) => name switch
    {
        "request" => Event("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms", LogEventLevel.Information, null,
            ("RequestMethod", new ScalarValue("GET")), ("RequestPath", new ScalarValue("/sections/vxlan")), ("StatusCode", new ScalarValue(200)),
            ("Elapsed", new ScalarValue(230.8352)), ("RequestId", new ScalarValue("0HNQCUFHH0T00")), ("SourceContext", new ScalarValue("ContainerNetLib.Portal.Requests"))),
        "warning" => Event("Job server waiting; retrying in {Seconds} s: {Reason}", LogEventLevel.Warning, null,
            ("Seconds", new ScalarValue(2L)), ("Reason", new ScalarValue(null)), ("Retry", new ScalarValue(true))),
        "editor" => Event("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms", LogEventLevel.Error, null,
            ("RequestMethod", new ScalarValue("POST")), ("RequestPath", new ScalarValue("/admin")), ("StatusCode", new ScalarValue(500)),
            ("Elapsed", new ScalarValue(0.05)), ("UserId", new ScalarValue("e9c5ed2f"))),
        "odd-names" => Event("{@t} and {Count:000}", LogEventLevel.Debug, null, ("@t", new ScalarValue("not a time")), ("Count", new ScalarValue(7))),
        "unicode" => Event("Title {Title}", LogEventLevel.Information, null, ("Title", new ScalarValue("Überlay «veth» \"quoted\" \\ tab\t line\n <b>&'</b> \u0001 💡"))),
        "exception" => Event("Failed {Id}", LogEventLevel.Error, new InvalidOperationException("boom \"x\""), ("Id", new ScalarValue(3))),
        "structure" => Event("Entry {@Entry}", LogEventLevel.Information, null,
            ("Entry", new StructureValue([new LogEventProperty("Id", new ScalarValue(1)), new LogEventProperty("Tags", new SequenceValue([new ScalarValue("a")]))]))),
        "nan" => Event("Ratio {Ratio}", LogEventLevel.Information, null, ("Ratio", new ScalarValue(double.NaN))),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task The_sink_writes_what_serilogs_compact_formatter_writes(string name)
    {
        // Otherwise: the log shipper's parsing of the portal's lines (time, level, template, renderings, properties) breaks.
        var logEvent = Named(name);
        var expected = new StringWriter();
        new CompactJsonFormatter().Format(logEvent, expected);
        using var output = new MemoryStream();
        await new BatchedConsoleSink(new CompactJsonFormatter(), output).EmitBatchAsync([logEvent, logEvent]);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var want = System.Text.Json.Nodes.JsonNode.Parse(expected.ToString());
        foreach (var line in lines) Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(want, System.Text.Json.Nodes.JsonNode.Parse(line)), $"{line}\n!=\n{expected}");
    }

    [Fact]
    public void Only_plain_events_take_the_direct_path()
    {
        // Otherwise: an exception or structured value is written half-way by the direct writer and the line is broken.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new ClefWriter();
        Assert.True(writer.TryWrite(Named("request"), buffer));
        var written = buffer.WrittenCount;
        Assert.False(writer.TryWrite(Named("exception"), buffer));
        Assert.False(writer.TryWrite(Named("structure"), buffer));
        Assert.False(writer.TryWrite(Named("nan"), buffer));
        Assert.Equal(written, buffer.WrittenCount);
    }
}
