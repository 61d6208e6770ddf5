using System.Diagnostics;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The published native agent (<c>CF_BINARY run --config FILE</c>) as a child process. Every line it writes (its
/// log is on standard error) is recorded with the time it was read, so tests can wait for the ready line.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    /// <summary>The start of the line the agent prints once subscribed (PRODUCT.md §4).</summary>
    public const string ReadyMarker = "ready: thing ";

    private readonly Process _process;
    private int _disposed;

    private AgentProcess(Process process, DateTimeOffset started)
    {
        _process = process;
        Started = started;
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>When the process was started.</summary>
    public DateTimeOffset Started { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every output line with the time it was read.</summary>
    public Recorded<(DateTimeOffset At, string Line)> Lines { get; } = new();

    /// <summary>Starts <c>CF_BINARY run --config <paramref name="configFile"/></c>; fails the test when CF_BINARY is not set.</summary>
    public static AgentProcess Start(string configFile)
    {
        var start = new ProcessStartInfo(NativeBinary.Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in (string[])["run", "--config", configFile])
        {
            start.ArgumentList.Add(arg);
        }

        DateTimeOffset started = DateTimeOffset.UtcNow;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new AgentProcess(process, started);
    }

    /// <summary>Waits (≤ 30 s) for the ready line and returns it.</summary>
    public async Task<string> WaitReadyAsync(int occurrence = 1) =>
        (await WaitForLineAsync(ReadyMarker, occurrence, TimeSpan.FromSeconds(30))).Line;

    /// <summary>Waits for the <paramref name="occurrence"/>-th line containing <paramref name="text"/>.</summary>
    public async Task<(DateTimeOffset At, string Line)> WaitForLineAsync(string text, int occurrence, TimeSpan timeout) =>
        (await Lines.WaitForAsync(l => l.Line.Contains(text, StringComparison.Ordinal), occurrence, timeout, $"agent line '{text}' #{occurrence}", Log))[occurrence - 1];

    /// <summary>The whole output so far, for failure messages.</summary>
    public string Log() => string.Join('\n', Lines.Snapshot().Select(l => l.Line));

    /// <summary>Sends SIGTERM and waits (≤ 20 s, then SIGKILL) for the exit; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Terminate(_process.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
                return -9;
            }
        }

        await _process.WaitForExitAsync(); // drains the output readers
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync();
            _process.Dispose();
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            Lines.Add((DateTimeOffset.UtcNow, line));
        }
    }
}
