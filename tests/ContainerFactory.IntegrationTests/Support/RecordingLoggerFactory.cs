using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.IntegrationTests.Support;

/// <summary>Records every log event (id and message) of every logger it creates. Thread-safe.</summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(EventId Id, string Message)> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(Events);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<(EventId, string)> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Enqueue((eventId, formatter(state, exception)));
    }
}
