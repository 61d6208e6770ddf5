using System.Diagnostics;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Logs;

/// <summary>
/// Starts the published binary the way containerd's shim starts a <c>binary://</c> log driver (containerd-notes §6):
/// argv pairs, an environment of only <c>CONTAINER_ID</c> and <c>CONTAINER_NAMESPACE</c>, fd 3 and 4 the read ends of
/// the stdout and stderr pipes, fd 5 the write end of the readiness pipe. The pipes are FIFOs in a temp folder that a
/// bash wrapper opens onto fds 3–5 before it execs (through <c>env -i</c>), so the driver's pid is the process's.
/// </summary>
internal sealed class ShimHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Task<string> _stderr;

    private ShimHarness(string folder, string id, Process process, FileStream stdout, FileStream stderr, Task<byte[]> readiness)
    {
        Folder = folder;
        Id = id;
        _process = process;
        Stdout = stdout;
        Stderr = stderr;
        Readiness = readiness;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string Folder { get; }

    public string Id { get; }

    /// <summary>root-dir passed to the driver.</summary>
    public string RootDir => Path.Combine(Folder, "logs");

    /// <summary>The container's log folder, root-dir/id.</summary>
    public string LogDir => Path.Combine(RootDir, Id);

    /// <summary>Write end of the container's stdout pipe.</summary>
    public FileStream Stdout { get; }

    /// <summary>Write end of the container's stderr pipe.</summary>
    public FileStream Stderr { get; }

    /// <summary>Everything read from the readiness pipe until end of file.</summary>
    public Task<byte[]> Readiness { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the driver with <paramref name="pairs"/>; <c>root-dir</c> is added unless given.</summary>
    public static async Task<ShimHarness> StartAsync(string id, params string[] pairs)
    {
        string binary = NativeBinary.Path;
        string folder = Directory.CreateTempSubdirectory("cf-logdrv-").FullName;
        foreach (string fifo in new[] { "out", "err", "ready" })
        {
            await RunToolAsync("/usr/bin/mkfifo", Path.Combine(folder, fifo));
        }

        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec /usr/bin/env -i CONTAINER_ID={id} CONTAINER_NAMESPACE=cftest \"$0\" \"$@\" 3<'{folder}/out' 4<'{folder}/err' 5>'{folder}/ready'");
        start.ArgumentList.Add(binary);
        foreach (string arg in pairs.Contains("root-dir") ? pairs : [.. pairs, "root-dir", Path.Combine(folder, "logs")])
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();

        // bash opens out, err, ready in that order and each open of a FIFO waits for the other end: open all at once.
        Task<FileStream> stdout = Task.Run(() => OpenFifo(Path.Combine(folder, "out"), FileAccess.Write));
        Task<FileStream> stderr = Task.Run(() => OpenFifo(Path.Combine(folder, "err"), FileAccess.Write));
        Task<FileStream> ready = Task.Run(() => OpenFifo(Path.Combine(folder, "ready"), FileAccess.Read));
        await Task.WhenAll(stdout, stderr, ready).WaitAsync(Timeout);
        return new ShimHarness(folder, id, process, stdout.Result, stderr.Result, ReadAllAsync(ready.Result));
    }

    public async Task WriteAsync(FileStream pipe, string text)
    {
        await pipe.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
        await pipe.FlushAsync();
    }

    /// <summary>Closes both write ends, as the shim does at Tasks/Delete.</summary>
    public async Task ClosePipesAsync()
    {
        await Stdout.DisposeAsync();
        await Stderr.DisposeAsync();
    }

    /// <summary>Sends SIGTERM, as the shim does at Tasks/Delete.</summary>
    public Task TerminateAsync() => RunToolAsync("/bin/kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Waits for the driver to exit; returns its exit code and what it wrote to stderr.</summary>
    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return (_process.ExitCode, await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await Stdout.DisposeAsync();
        await Stderr.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private static FileStream OpenFifo(string path, FileAccess access) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = access,
        Share = FileShare.ReadWrite,
        BufferSize = 0,
    });

    private static async Task<byte[]> ReadAllAsync(FileStream stream)
    {
        await using (stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }

    private static async Task RunToolAsync(string tool, params string[] args)
    {
        using Process process = Process.Start(tool, args);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited with {process.ExitCode}");
    }
}
