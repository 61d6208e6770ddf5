using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Logging;

/// <summary>
/// One line per event on standard error (systemd/journald friendly): UTC time, level, category, message.
/// Small on purpose: the console logging package would add a configuration stack the agent does not need.
/// </summary>
public sealed class StderrLoggerFactory : ILoggerFactory
{
    private readonly TextWriter _output;
    private readonly Lock _gate = new();

    /// <summary>Creates the factory writing to <paramref name="output"/> (standard error when null).</summary>
    /// <param name="minimum">Events below this level are dropped.</param>
    /// <param name="output">Where lines go; default standard error.</param>
    public StderrLoggerFactory(LogLevel minimum, TextWriter? output = null)
    {
        Minimum = minimum;
        _output = output ?? Console.Error;
    }

    /// <summary>The lowest level written.</summary>
    public LogLevel Minimum { get; }

    /// <summary>Maps the configuration's level names (<c>debug</c>, <c>info</c>, <c>warn</c>, <c>error</c>).</summary>
    public static LogLevel ParseLevel(string level) => level switch
    {
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        new StderrLogger(this, ShortName(categoryName), LibraryCategory(categoryName) ? LogLevel.Warning : Minimum);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("providers are not used");

    /// <inheritdoc />
    public void Dispose()
    {
    }

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        string line = $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {LevelName(level)} {category}: {message}";
        if (exception is not null)
        {
            line += $" ({exception.GetType().Name}: {exception.Message})";
        }

        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info ",
        LogLevel.Warning => "warn ",
        LogLevel.Error => "error",
        _ => "fatal",
    };

    /// <summary>
    /// Libraries (gRPC, HTTP) log every expected NOT_FOUND and cancellation at information level; the agent handles
    /// those as values, so only their warnings and errors are shown.
    /// </summary>
    private static bool LibraryCategory(string category) =>
        category.StartsWith("Grpc.", StringComparison.Ordinal) || category.StartsWith("System.Net.", StringComparison.Ordinal);

    private static string ShortName(string category)
    {
        int dot = category.LastIndexOf('.');
        return dot < 0 ? category : category[(dot + 1)..];
    }
}
