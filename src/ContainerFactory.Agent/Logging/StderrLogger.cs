using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Logging;

/// <summary>A logger of <see cref="StderrLoggerFactory"/>; formats with the source-generated formatter.</summary>
internal sealed class StderrLogger(StderrLoggerFactory factory, string category, LogLevel minimum) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            factory.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}
