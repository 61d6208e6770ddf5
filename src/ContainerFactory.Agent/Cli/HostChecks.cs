using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using ContainerFactory.Agent.Mqtt;
using ContainerFactory.Agent.Settings;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Network;
using MQTTnet.Exceptions;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// The probes of <c>container-factory check</c>: can the agent reach what it needs on this host? Each returns a
/// <see cref="CheckResult"/> and never throws (cancellation aside).
/// </summary>
public static class HostChecks
{
    /// <summary>The CNI plugins the agent runs: the bridge list (bridge, host-local, portmap) and the loopback list.</summary>
    public static readonly IReadOnlyList<string> CniPlugins = ["bridge", "host-local", "portmap", "loopback"];

    /// <summary>
    /// TCP connect to the broker, then an MQTT CONNECT with a throwaway client id and a clean session (so that the
    /// agent's persistent session is neither taken over nor left behind), with the configured TLS and credentials.
    /// </summary>
    public static async Task<CheckResult> BrokerAsync(MqttSettings mqtt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        const string item = "broker";
        if (!BrokerEndpoint.TryParse(mqtt.Broker, out BrokerEndpoint endpoint))
        {
            return CheckResult.Fail(item, $"'{mqtt.Broker}' is not a broker URL (tcp://HOST:PORT or mqtts://HOST:PORT)");
        }

        var elapsed = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using (var socket = new Socket(SocketType.Stream, ProtocolType.Tcp))
            {
                await socket.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token).ConfigureAwait(false);
            }

            var options = new MqttTransportOptions(
                endpoint, $"cf-check-{Guid.NewGuid():N}"[..21], timeout, timeout,
                mqtt.Username, mqtt.Password, mqtt.CaFile, mqtt.CertFile, mqtt.KeyFile, CleanSession: true);
            await using var transport = new MqttNetTransport(options);
            await transport.ConnectAsync(deadline.Token).ConfigureAwait(false);
            await transport.DisconnectAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(item, $"{endpoint}: no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            return CheckResult.Fail(item, $"{endpoint}: TCP connect failed: {e.Message}");
        }
        catch (Exception e) when (e is MqttCommunicationException or IOException or AuthenticationException or CryptographicException)
        {
            return CheckResult.Fail(item, $"{endpoint}: MQTT CONNECT failed: {Innermost(e).Message}");
        }

        return CheckResult.Pass(item, $"{endpoint}: TCP connect and MQTT CONNECT accepted ({elapsed.ElapsedMilliseconds} ms)");
    }

    /// <summary>containerd's Version call over the configured socket (no namespace needed).</summary>
    public static async Task<CheckResult> ContainerdAsync(ContainerdOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var client = new ContainerdClient(options with { CallTimeout = timeout });
        var version = await client.VersionAsync(cancellationToken).ConfigureAwait(false);
        return version.TryGetValue(out ContainerdVersion? found, out var error)
            ? CheckResult.Pass("containerd", $"{options.Socket}: containerd {found.Version}{(found.Revision.Length > 0 ? $" (revision {found.Revision})" : "")}")
            : CheckResult.Fail("containerd", error.Message);
    }

    /// <summary>
    /// The container bridge <paramref name="name"/> under <paramref name="sysClassNet"/> (<c>/sys/class/net</c>).
    /// Absent is fine: the CNI bridge plugin creates it, with the gateway address, on the first bridged start; a
    /// bridge without an IPv4 address is fine for the same reason. It fails only when an interface of that name
    /// exists but is not a bridge: the plugin refuses to use it, so no bridged container could start.
    /// </summary>
    public static CheckResult Bridge(string name, string sysClassNet = "/sys/class/net")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        const string item = "bridge";
        string device = Path.Combine(sysClassNet, name);
        if (!Directory.Exists(device))
        {
            return CheckResult.Pass(item, $"{name} absent; created by the CNI bridge plugin on the first bridged container start");
        }

        if (!Directory.Exists(Path.Combine(device, "bridge")))
        {
            return CheckResult.Fail(item, $"{name} exists but is not a bridge: remove it or set network.bridge to another name");
        }

        string addresses = HostNetworkProbe.TryReadAddresses().TryGetValue(out IReadOnlyList<HostInterfaceAddress>? all, out var error)
            ? string.Join(", ", all.Where(a => a.Interface == name && a.Address.AddressFamily == AddressFamily.InterNetwork)
                .Select(a => $"{a.Address}/{a.PrefixLength}"))
            : $"addresses unknown: {error.Message}";
        return CheckResult.Pass(item, addresses.Length > 0
            ? $"{name} present ({addresses})"
            : $"{name} present, no IPv4 address yet (the CNI bridge plugin adds the gateway on the first start)");
    }

    /// <summary>Every plugin of <see cref="CniPlugins"/> is an executable file in <paramref name="binDir"/>.</summary>
    public static CheckResult Cni(string binDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(binDir);
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var missing = CniPlugins.Where(p => !File.Exists(Path.Combine(binDir, p))).ToList();
        var notExecutable = CniPlugins.Except(missing)
            .Where(p => !OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path.Combine(binDir, p)) & anyExecute) == 0).ToList();
        if (missing.Count == 0 && notExecutable.Count == 0)
        {
            return CheckResult.Pass("cni", $"{binDir}: {string.Join(' ', CniPlugins)}");
        }

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"missing {string.Join(", ", missing)}");
        }

        if (notExecutable.Count > 0)
        {
            problems.Add($"not executable {string.Join(", ", notExecutable)}");
        }

        return CheckResult.Fail("cni", $"{binDir}: {string.Join("; ", problems)} (install the CNI plugins there or set network.cniBinDir)");
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
