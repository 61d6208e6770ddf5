using System.ComponentModel;
using System.Diagnostics;

namespace ContainerFactory.Runtime.Network;

/// <summary>Runs CNI plugins as child processes (stdin = config, stdout = result, stderr captured).</summary>
public sealed class ProcessCniPluginRunner : ICniPluginRunner
{
    // Used only when the agent itself has no PATH (a bare systemd unit has one; a test harness may not):
    // bridge and portmap exec iptables through PATH lookup.
    private const string FallbackPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <inheritdoc />
    public async Task<CniExecOutcome> RunAsync(CniExecRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var process = new Process { StartInfo = StartInfo(request) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new CniExecOutcome(-1, [], "", StartError: ex.Message);
        }

        Task<byte[]> stdout = ReadAllAsync(process.StandardOutput.BaseStream);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await WriteStdinAsync(process, request.Stdin).ConfigureAwait(false);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return new CniExecOutcome(timedOut ? -1 : process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), timedOut);
    }

    private static ProcessStartInfo StartInfo(CniExecRequest request)
    {
        var start = new ProcessStartInfo(request.PluginPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string inherited in start.Environment.Keys.Where(k => k.StartsWith("CNI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        if (string.IsNullOrEmpty(start.Environment.TryGetValue("PATH", out string? path) ? path : null))
        {
            start.Environment["PATH"] = FallbackPath;
        }

        foreach ((string key, string value) in request.Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static async Task WriteStdinAsync(Process process, ReadOnlyMemory<byte> stdin)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The plugin exited without reading all of stdin (EPIPE); its exit code and stdout tell why.
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
