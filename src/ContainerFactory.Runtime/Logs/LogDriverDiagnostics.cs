using System.Text;

namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// The log driver's own problems. Its stderr is <c>/dev/null</c> (the shim gives it nothing else), so they go to
/// <c>&lt;rootDir&gt;/&lt;id&gt;/driver.log</c> next to <c>json.log</c>, one line each:
/// <c>&lt;RFC3339Nano time&gt; &lt;message&gt;</c>. The file exists only when something went wrong (cannot rotate,
/// cannot write, a pipe read failed, lines dropped in non-blocking mode) and stops growing at 1 MiB.
/// </summary>
public static class LogDriverDiagnostics
{
    /// <summary>The file name inside the container's log folder.</summary>
    public const string FileName = "driver.log";

    /// <summary>Size at which further messages are ignored.</summary>
    public const long MaxFileSize = 1L << 20;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Appends one line to <c>&lt;directory&gt;/driver.log</c> when the folder exists. Never throws.</summary>
    /// <param name="directory">The container's log folder.</param>
    /// <param name="message">One line of text; line breaks are replaced by spaces.</param>
    /// <param name="time">When it happened; written in UTC.</param>
    /// <returns>False when the folder is missing, the file is full or the write failed.</returns>
    public static bool TryAppend(string directory, string message, DateTime time)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(message);
        string path = Path.Combine(directory, FileName);
        try
        {
            if (!Directory.Exists(directory) || (File.Exists(path) && new FileInfo(path).Length >= MaxFileSize))
            {
                return false;
            }

            string line = $"{Rfc3339Nano.ToText(time)} {message.ReplaceLineEndings(" ")}\n";
            File.AppendAllText(path, line, Utf8NoBom);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
