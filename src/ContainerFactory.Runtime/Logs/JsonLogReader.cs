using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// Reads back what <see cref="JsonFileWriter"/> wrote for one container: the rotated files oldest first
/// (<c>json.log.N</c> … <c>json.log.1</c>), then <c>json.log</c>, and of each line the <c>log</c> member (the output
/// exactly as the container wrote it, line end included). Lines that are not json-file entries (a line cut by a crash,
/// a half-written last line) are skipped.
/// </summary>
public static class JsonLogReader
{
    /// <summary>The log files of <paramref name="directory"/> in write order; empty when there are none.</summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be listed.</exception>
    public static IReadOnlyList<string> FilesOf(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        string current = Path.Combine(directory, JsonFileWriter.FileName);
        var rotated = new List<(int Index, string Path)>();
        const string prefix = JsonFileWriter.FileName + ".";
        foreach (string path in Directory.EnumerateFiles(directory))
        {
            string name = Path.GetFileName(path);
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index > 0)
            {
                rotated.Add((index, path));
            }
        }

        return [.. rotated.OrderByDescending(r => r.Index).Select(r => r.Path), .. File.Exists(current) ? [current] : Array.Empty<string>()];
    }

    /// <summary>The <c>log</c> member of every entry of <paramref name="directory"/>'s files, in write order; read lazily.</summary>
    /// <exception cref="IOException">A file cannot be read (e.g. removed while reading).</exception>
    /// <exception cref="UnauthorizedAccessException">A file cannot be read.</exception>
    public static IEnumerable<string> ReadLogs(string directory)
    {
        foreach (string file in FilesOf(directory))
        {
            foreach (string line in File.ReadLines(file, Encoding.UTF8))
            {
                if (TryReadLog(Encoding.UTF8.GetBytes(line), out string? log))
                {
                    yield return log;
                }
            }
        }
    }

    /// <summary>
    /// The unescaped <c>log</c> member of one json-file line (<c>{"stream":…,"log":…,"time":…}</c>, newline excluded);
    /// false when the line is not a JSON object with a string <c>log</c> member.
    /// </summary>
    public static bool TryReadLog(ReadOnlySpan<byte> line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? log)
    {
        log = null;
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isLog = reader.ValueTextEquals("log"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isLog && reader.TokenType == JsonTokenType.String)
                {
                    log = reader.GetString()!;
                }

                reader.Skip();
            }

            // Only a complete object counts: a half-written line must not print half its text.
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && log is not null;
        }
        catch (JsonException)
        {
            log = null;
            return false;
        }
    }
}
