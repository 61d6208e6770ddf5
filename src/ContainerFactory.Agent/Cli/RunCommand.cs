using System.Runtime.InteropServices;
using ContainerFactory.Agent.Composition;
using ContainerFactory.Agent.Hosting;
using ContainerFactory.Agent.Identity;
using ContainerFactory.Agent.Logging;
using ContainerFactory.Agent.Mqtt;
using ContainerFactory.Agent.Settings;
using ContainerFactory.Runtime;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// <c>container-factory run</c>: the agent. Loads the containers from containerd, connects to the broker (retrying),
/// serves commands and reports the twin until SIGTERM/SIGINT, then finishes in-flight commands (bounded) and
/// disconnects; containers keep running.
/// </summary>
public static class RunCommand
{
    /// <summary>How long in-flight commands may finish after a stop signal.</summary>
    public static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(10);

    private const string Help = """
        Usage: container-factory run [options]

        Runs the agent in the foreground: MQTT to the broker, containerd over its socket. Prints one ready line
        on standard error once subscribed. SIGTERM or SIGINT stops it; containers keep running.

        """;

    /// <summary>Runs the agent; exit 0 after a clean stop, 2 for bad settings.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        if (context.Args.Contains("--help") || context.Args.Contains("-h"))
        {
            context.Stdout.Write(Help + GlobalOptions.Help);
            return 0;
        }

        if (!context.TryLoadSettings(out AgentSettings settings)
            || !BrokerEndpoint.TryParse(settings.Mqtt.Broker, out BrokerEndpoint endpoint)
            || !Durations.TryParse(settings.Mqtt.KeepAlive, out TimeSpan keepAlive))
        {
            return CliApp.UsageError;
        }

        using var stopping = new CancellationTokenSource();
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, stopping));
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, stopping));
        using var logs = new StderrLoggerFactory(StderrLoggerFactory.ParseLevel(settings.Log.Level), context.Stderr);
        ILogger log = logs.CreateLogger("container-factory.host");
        await using var transport = new MqttNetTransport(new MqttTransportOptions(
            endpoint, ClientId(settings), keepAlive, TimeSpan.FromSeconds(10),
            settings.Mqtt.Username, settings.Mqtt.Password, settings.Mqtt.CaFile, settings.Mqtt.CertFile, settings.Mqtt.KeyFile));
        using var runtime = new AgentRuntime(settings, transport, logs);

        var twin = new TwinGate(runtime.Containers.PublishTwinAsync, identity => runtime.Twin.Identity = identity);
        Task loading = await StartLoadingAsync(runtime, twin, log, stopping.Token).ConfigureAwait(false);
        AgentHost? host = null;
        using var quiet = new QuietTrim(TimeProvider.System, () => host?.InFlight > 0);
        host = new AgentHost(
            transport,
            settings,
            new AgentFeatures(runtime.Containers.ExecuteAsync, runtime.Containers.Routes, twin.PublishTwinAsync),
            TimeProvider.System,
            logs,
            quiet.Touch);
        _ = host.Ready.ContinueWith(
            ready =>
            {
                HostLog.Ready(log, ready.Result.ThingId, ready.Result.TenantId, endpoint.ToString(), settings.Containerd.Socket, settings.Containerd.Namespace);
                quiet.Touch(); // start-up is work too
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        Task events = runtime.Containers.WatchEventsAsync(runtime.Containerd.Events, stopping.Token);
        await host.RunAsync(DrainBound, stopping.Token).ConfigureAwait(false);
        await loading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await events.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return 0;
    }

    /// <summary>
    /// The MQTT client id: configured, else derived from the configured thing or device id, else from the host's
    /// machine id, so that the persistent session survives restarts (PRODUCT.md §2.5).
    /// </summary>
    public static string ClientId(AgentSettings settings)
    {
        if (settings.Mqtt.ClientId.Length > 0)
        {
            return settings.Mqtt.ClientId;
        }

        string basis = settings.Identity.ThingId.Length > 0 ? settings.Identity.ThingId
            : settings.Identity.DeviceId.Length > 0 ? settings.Identity.DeviceId
            : MachineId();
        return $"container-factory:{basis}";
    }

    private static string MachineId()
    {
        try
        {
            return File.ReadAllText("/etc/machine-id").Trim() is { Length: > 0 } id ? id : Environment.MachineName;
        }
        catch (IOException)
        {
            return Environment.MachineName;
        }
    }

    /// <summary>
    /// Reads the containers from containerd (and recovers their restart policies) before serving, so that the first
    /// commands and the twin see them. When containerd is not reachable the agent serves anyway — commands that need it
    /// are answered 503 (PRODUCT.md §2.3) — and the returned task keeps trying in the background (containerd may start
    /// after us); the twin is published once the containers are read.
    /// </summary>
    private static async Task<Task> StartLoadingAsync(AgentRuntime runtime, TwinGate twin, ILogger log, CancellationToken stopping)
    {
        RuntimeResult first = await TryLoadAsync(runtime, twin, stopping).ConfigureAwait(false);
        return first.IsSuccess ? Task.CompletedTask : Task.Run(() => RetryLoadAsync(runtime, twin, log, first, stopping), CancellationToken.None);
    }

    private static async Task RetryLoadAsync(AgentRuntime runtime, TwinGate twin, ILogger log, RuntimeResult failed, CancellationToken stopping)
    {
        for (int attempt = 0; !failed.IsSuccess && !stopping.IsCancellationRequested; attempt++)
        {
            TimeSpan delay = Backoff.Reconnect.Delay(attempt);
            HostLog.ContainerdNotReady(log, failed.Error!.Message, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!stopping.IsCancellationRequested)
            {
                failed = await TryLoadAsync(runtime, twin, stopping).ConfigureAwait(false);
            }
        }
    }

    private static async Task<RuntimeResult> TryLoadAsync(AgentRuntime runtime, TwinGate twin, CancellationToken stopping)
    {
        RuntimeResult loaded = await runtime.Containers.LoadAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.None);
        if (loaded.IsSuccess)
        {
            await runtime.Containers.RecoverAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await twin.OpenAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return loaded;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stopping)
    {
        context.Cancel = true;
        stopping.Cancel();
    }
}
