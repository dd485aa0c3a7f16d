using Microsoft.Extensions.Logging;

namespace ContainerNetLib.Importer.Cli;

/// <summary>Warnings and errors of the services a command uses, one line each on the command's stderr.</summary>
internal sealed class TextWriterLogger(TextWriter writer) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        lock (writer) writer.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
    }

    public void Dispose()
    {
    }
}
