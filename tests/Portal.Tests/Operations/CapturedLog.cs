using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>Every event the portal logs, kept for a test to read (registered as an <see cref="ILogEventSink"/>).</summary>
public sealed class CapturedLog : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();
    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
