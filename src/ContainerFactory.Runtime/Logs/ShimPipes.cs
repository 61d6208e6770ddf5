using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// The three descriptors containerd's shim hands a <c>binary://</c> log driver (containerd-notes §6): fd 3 the read
/// end of the container's stdout pipe, fd 4 of its stderr pipe, fd 5 the write end of the readiness pipe.
/// <c>Tasks/Create</c> waits until the shim reads one byte or end of file from fd 5, so
/// <see cref="TrySignalReady"/> must come after the readers are set up — and fd 5 must not survive in any child
/// process, or the shim never sees end of file and <c>Tasks/Create</c> hangs. The driver starts no process, and
/// <see cref="TrySignalReady"/> closes fd 5 right after the byte.
/// </summary>
public sealed class ShimPipes : IDisposable
{
    /// <summary>The container's stdout pipe, read end.</summary>
    public const int StdoutFd = 3;

    /// <summary>The container's stderr pipe, read end.</summary>
    public const int StderrFd = 4;

    /// <summary>The readiness pipe, write end.</summary>
    public const int ReadyFd = 5;

    private FileStream? _ready;

    private ShimPipes(FileStream stdout, FileStream stderr, FileStream ready)
    {
        Stdout = stdout;
        Stderr = stderr;
        _ready = ready;
    }

    /// <summary>fd 3 as a stream; hand it to <see cref="LogCopier"/>, which closes it.</summary>
    public Stream Stdout { get; }

    /// <summary>fd 4 as a stream; hand it to <see cref="LogCopier"/>, which closes it.</summary>
    public Stream Stderr { get; }

    /// <summary>
    /// Wraps fds 3, 4 and 5 after checking in <c>/proc/self/fdinfo</c> that each is open with the right access
    /// (3 and 4 readable, 5 writable), so that a mistaken start never takes over a descriptor of the runtime.
    /// Never throws.
    /// </summary>
    public static bool TryOpen([NotNullWhen(true)] out ShimPipes? pipes, [NotNullWhen(false)] out string? error)
    {
        pipes = null;
        error = CheckAccess(StdoutFd, writable: false) ?? CheckAccess(StderrFd, writable: false) ?? CheckAccess(ReadyFd, writable: true);
        if (error is not null)
        {
            return false;
        }

        pipes = new ShimPipes(Wrap(StdoutFd, FileAccess.Read), Wrap(StderrFd, FileAccess.Read), Wrap(ReadyFd, FileAccess.Write));
        return true;
    }

    /// <summary>Writes one byte to fd 5 and closes it; only the first call does anything. Never throws.</summary>
    /// <param name="error">Why the byte could not be written (the shim went away); the pipe is closed anyway.</param>
    public bool TrySignalReady([NotNullWhen(false)] out string? error)
    {
        error = null;
        FileStream? ready = Interlocked.Exchange(ref _ready, null);
        if (ready is null)
        {
            return true;
        }

        try
        {
            ready.WriteByte(1);
            return true;
        }
        catch (IOException e)
        {
            error = $"cannot signal readiness on fd {ReadyFd}: {e.Message}";
            return false;
        }
        finally
        {
            DisposeQuietly(ready);
        }
    }

    /// <summary>Closes fd 5 if still open (end of file also counts as ready for the shim). The pipes stay with their reader.</summary>
    public void Dispose()
    {
        FileStream? ready = Interlocked.Exchange(ref _ready, null);
        if (ready is not null)
        {
            DisposeQuietly(ready);
        }
    }

    private static string? CheckAccess(int fd, bool writable)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/self/fdinfo/{fd}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"fd {fd} is not open (the shim passes the container's stdout as 3, stderr as 4, readiness as 5)";
        }

        string? flags = lines.FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
        if (flags is null || !int.TryParse(flags.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int octal))
        {
            return $"fd {fd}: unreadable /proc/self/fdinfo";
        }

        int accessMode = OctalLowDigit(octal) & 3; // O_RDONLY 0, O_WRONLY 1, O_RDWR 2
        bool ok = writable ? accessMode is 1 or 2 : accessMode is 0 or 2;
        return ok ? null : $"fd {fd} is not open for {(writable ? "writing" : "reading")}";
    }

    /// <summary>fdinfo prints the flags in octal; the access mode is the last octal digit's two low bits.</summary>
    private static int OctalLowDigit(int octalDigitsAsDecimal) => octalDigitsAsDecimal % 10;

    private static FileStream Wrap(int fd, FileAccess access) =>
        new(new SafeFileHandle(fd, ownsHandle: true), access, bufferSize: 0);

    private static void DisposeQuietly(FileStream stream)
    {
        try
        {
            stream.Dispose();
        }
        catch (IOException)
        {
            // Closing a pipe whose reader is gone.
        }
    }
}
