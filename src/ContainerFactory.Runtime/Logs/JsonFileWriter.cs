using System.Buffers;

namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// Appends json-file lines (<see cref="JsonLogLine"/>) to <c>&lt;folder&gt;/json.log</c> and rotates it as
/// kanto-protocol §7.6 says: before each line, if the file holds ≥ <c>maxSize</c> bytes, <c>json.log.(n-1)</c> →
/// <c>json.log.n</c> … <c>json.log</c> → <c>json.log.1</c>, keeping <c>maxFiles-1</c> rotated files, and a new empty
/// <c>json.log</c> is started (with <c>maxFiles</c> 1 the file is truncated instead). A file may therefore exceed
/// <c>maxSize</c> by one line. An existing <c>json.log</c> is appended to (a restarted task continues its file).
/// <para>
/// Lines are collected in memory and reach the file with one <c>write</c> per <see cref="Flush"/> (the caller
/// flushes after each pipe read, and every 256 KiB). Durability: <c>fsync</c> before a rotation and on
/// <see cref="Dispose"/>, never per line. Not thread-safe: the caller serializes calls.
/// </para>
/// </summary>
public sealed partial class JsonFileWriter : IDisposable
{
    /// <summary>The current file's name; rotated files append <c>.1</c>, <c>.2</c>, ….</summary>
    public const string FileName = "json.log";

    /// <summary>Pending bytes that trigger a flush inside <see cref="Append"/>.</summary>
    private const int FlushThreshold = 256 * 1024;

    private static readonly UnixFileMode FileMode0640 =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private readonly string _path;
    private readonly int _maxFiles;
    private readonly long _maxSize;
    private readonly ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private FileStream? _file;
    private long _size;

    private JsonFileWriter(string path, int maxFiles, long maxSize, FileStream file)
    {
        _path = path;
        _maxFiles = maxFiles;
        _maxSize = maxSize;
        _file = file;
        _size = file.Length;
    }

    /// <summary>Path of the current file, <c>&lt;folder&gt;/json.log</c>.</summary>
    public string FilePath => _path;

    /// <summary>Bytes in the current file, counting lines not yet flushed.</summary>
    public long Size => _size;

    /// <summary>
    /// Creates <paramref name="directory"/> (and its parents) when missing and opens <c>json.log</c> in it for
    /// appending (mode 0640 when created). Never throws for I/O problems: they come back as
    /// <see cref="RuntimeErrorKind.Internal"/> naming the path.
    /// </summary>
    /// <param name="directory">Absolute folder of one container's logs, <c>&lt;rootDir&gt;/&lt;id&gt;</c>.</param>
    /// <param name="maxFiles">Files kept including the current one, ≥ 1.</param>
    /// <param name="maxSize">Rotation threshold in bytes, ≥ 1.</param>
    public static RuntimeResult<JsonFileWriter> Open(string directory, int maxFiles, long maxSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFiles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1L);
        string path = Path.Combine(directory, FileName);
        try
        {
            Directory.CreateDirectory(directory);
            return new JsonFileWriter(path, maxFiles, maxSize, OpenFile(path, FileMode.Append));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot open {path}: {e.Message}");
        }
    }

    /// <summary>
    /// Adds one line: rotates first when the file is full, then buffers the line (flushing at 256 KiB).
    /// A failed rotation or flush is returned, and writing goes on into the current file.
    /// After <see cref="Dispose"/> lines are ignored.
    /// </summary>
    /// <param name="stream">stdout or stderr.</param>
    /// <param name="content">The log text: a line with its <c>\n</c>, or a partial line without (≤ 16 KiB by convention).</param>
    /// <param name="time">When the line was read; written in UTC.</param>
    public RuntimeResult Append(LogStream stream, ReadOnlySpan<byte> content, DateTime time)
    {
        if (_file is null)
        {
            return RuntimeResult.Ok;
        }

        RuntimeResult result = _size >= _maxSize ? Rotate() : RuntimeResult.Ok;
        _size += JsonLogLine.Write(_pending, stream, content, time);
        if (_pending.WrittenCount >= FlushThreshold)
        {
            RuntimeResult flushed = Flush();
            result = result.IsSuccess ? flushed : result;
        }

        return result;
    }

    /// <summary>Writes the buffered lines to the file with one <c>write</c> (no <c>fsync</c>). Lines that fail are dropped.</summary>
    public RuntimeResult Flush()
    {
        if (_file is null || _pending.WrittenCount == 0)
        {
            return RuntimeResult.Ok;
        }

        try
        {
            _file.Write(_pending.WrittenSpan);
            return RuntimeResult.Ok;
        }
        catch (IOException e)
        {
            _size = SafeLength(_file);
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot write {_path}: {e.Message}");
        }
        finally
        {
            _pending.Clear();
        }
    }

    /// <summary>Flushes, <c>fsync</c>s and closes the file. Idempotent; never throws.</summary>
    public void Dispose()
    {
        if (_file is null)
        {
            return;
        }

        _ = Flush();
        try
        {
            _file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Nothing left to do about a failing disk at exit.
        }

        _file.Dispose();
        _file = null;
    }

    private static FileStream OpenFile(string path, FileMode mode)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode0640;
        }

        return new FileStream(path, options);
    }

    private static long SafeLength(FileStream file)
    {
        try
        {
            return file.Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
