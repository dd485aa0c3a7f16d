using System.Text.Encodings.Web;
using System.Text.Json;
using Serilog.Events;
using Serilog.Parsing;

namespace ContainerNetLib.Portal.Infrastructure.Logging;

/// <summary>
/// Writes the compact log event format (CLEF) that Serilog's <c>CompactJsonFormatter</c> writes, as
/// UTF-8 straight into a buffer, for the events that make up nearly all of the log — request lines:
/// no exception, every property a plain string, number, boolean or null. Anything else is left to
/// the formatter (<see cref="TryWrite"/> returns false and writes nothing). Writing UTF-8 directly
/// skips a TextWriter's character encoding, the largest part of a request line's cost.
/// </summary>
public sealed class ClefWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true };
    private Utf8JsonWriter? _json;

    public bool TryWrite(LogEvent logEvent, System.Buffers.IBufferWriter<byte> output)
    {
        if (logEvent.Exception is not null) return false;
        foreach (var property in logEvent.Properties)
            if (property.Value is not ScalarValue { Value: null or string or bool or int or long or double } scalar
                || scalar.Value is double number && !double.IsFinite(number)) return false;

        if (_json is null) _json = new Utf8JsonWriter(output, Options);
        else _json.Reset(output);
        _json.WriteStartObject();
        Span<char> time = stackalloc char[40];
        logEvent.Timestamp.UtcDateTime.TryFormat(time, out var length, "O");
        _json.WriteString("@t", time[..length]);
        _json.WriteString("@mt", logEvent.MessageTemplate.Text);
        var renderings = false;
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is not PropertyToken { Format: not null } formatted) continue;
            if (!renderings) { _json.WriteStartArray("@r"); renderings = true; }
            if (logEvent.Properties.TryGetValue(formatted.PropertyName,
                out var value) && value is ScalarValue { Value: IFormattable formattable })
            {
                // What ScalarValue.Render does for a formattable value, without a writer per event.
                _json.WriteStringValue(formattable.ToString(formatted.Format, null));
                continue;
            }
            var writer = new StringWriter();
            formatted.Render(logEvent.Properties, writer);
            _json.WriteStringValue(writer.ToString());
        }
        if (renderings) _json.WriteEndArray();
        if (logEvent.Level != LogEventLevel.Information) _json.WriteString("@l", logEvent.Level.ToString());
        if (logEvent.TraceId is { } trace) _json.WriteString("@tr", trace.ToHexString());
        if (logEvent.SpanId is { } span) _json.WriteString("@sp", span.ToHexString());
        foreach (var (key, value) in logEvent.Properties)
        {
            // As the formatter does: a property's own leading '@' is doubled, so it cannot pass for @t, @l and the
            // like.
            var name = key.StartsWith('@') ? "@" + key : key;
            switch (((ScalarValue)value).Value)
            {
                case null: _json.WriteNull(name); break;
                case string text: _json.WriteString(name, text); break;
                case bool flag: _json.WriteBoolean(name, flag); break;
                case int number: _json.WriteNumber(name, number); break;
                case long number: _json.WriteNumber(name, number); break;
                case double number: _json.WriteNumber(name, number); break;
            }
        }
        _json.WriteEndObject();
        _json.Flush();
        return true;
    }
}
