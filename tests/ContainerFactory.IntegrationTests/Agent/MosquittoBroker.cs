using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// A mosquitto of one test class on a free loopback port, with persistence in its own folder (so that persistent
/// sessions and queued QoS 1 messages survive a restart). It stays root (<c>user root</c>): it would otherwise drop
/// privileges before it can write to a root-owned temporary folder. The process handle is kept (no pid file).
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _configFile;
    private Process? _process;

    private MosquittoBroker(string folder, int port)
    {
        _folder = folder;
        Port = port;
        _configFile = Path.Combine(folder, "mosquitto.conf");
        File.WriteAllText(_configFile, $"""
            per_listener_settings false
            allow_anonymous true
            listener {port} 127.0.0.1
            persistence true
            persistence_location {folder}/
            user root
            log_dest file {folder}/mosquitto.log
            log_type all
            connection_messages true

            """);
    }

    public int Port { get; }

    public string Url => $"tcp://127.0.0.1:{Port}";

    /// <summary>Starts a broker with its config, persistence and log under <paramref name="folder"/>.</summary>
    public static async Task<MosquittoBroker> StartAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var broker = new MosquittoBroker(folder, FreeLoopbackPort());
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>Kills the broker (SIGTERM: it saves its database) and waits for its exit, at most 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        Signals.Terminate(process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the broker again on the same port (after <see cref="StopAsync"/>).</summary>
    public Task RestartAsync() => StartProcessAsync();

    /// <summary>The broker's log (connections, subscriptions) for failure messages.</summary>
    public string Log() => File.Exists(Path.Combine(_folder, "mosquitto.log")) ? File.ReadAllText(Path.Combine(_folder, "mosquitto.log")) : "";

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }

    private async Task StartProcessAsync()
    {
        _process?.Dispose();
        var start = new ProcessStartInfo("mosquitto") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(_configFile);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Listening when a TCP connect succeeds; bounded (the same port may be in TIME_WAIT for a moment).
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            Assert.False(_process.HasExited, $"mosquitto exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Log()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
