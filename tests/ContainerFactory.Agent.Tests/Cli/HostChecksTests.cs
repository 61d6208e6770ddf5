using System.Net;
using System.Net.Sockets;
using ContainerFactory.Agent.Cli;
using ContainerFactory.Agent.Settings;
using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Agent.Tests.Cli;

public sealed class HostChecksTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cf-check-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Bridge_Absent_OkCreatedOnFirstStart()
    {
        CheckResult result = HostChecks.Bridge("cftest-br0", _dir.FullName);

        Assert.Equal(CheckResult.Pass("bridge", "cftest-br0 absent; created by the CNI bridge plugin on the first bridged container start"), result);
    }

    [Fact]
    public void Bridge_InterfaceThatIsNotABridge_Fails()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "cftest-br0"));

        CheckResult result = HostChecks.Bridge("cftest-br0", _dir.FullName);

        Assert.Equal(CheckResult.Fail("bridge", "cftest-br0 exists but is not a bridge: remove it or set network.bridge to another name"), result);
    }

    [Fact]
    public void Bridge_BridgeWithoutIpv4_OkGatewayAddedOnFirstStart()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "cftest-br0", "bridge"));

        CheckResult result = HostChecks.Bridge("cftest-br0", _dir.FullName);

        Assert.Equal(CheckResult.Pass("bridge", "cftest-br0 present, no IPv4 address yet (the CNI bridge plugin adds the gateway on the first start)"), result);
    }

    [Fact]
    public void Cni_AllPluginsExecutable_OkListsThem()
    {
        foreach (string plugin in HostChecks.CniPlugins)
        {
            WritePlugin(plugin, executable: true);
        }

        CheckResult result = HostChecks.Cni(_dir.FullName);

        Assert.Equal(CheckResult.Pass("cni", $"{_dir.FullName}: bridge host-local portmap loopback"), result);
    }

    [Fact]
    public void Cni_MissingAndNotExecutable_FailsNamingEach()
    {
        WritePlugin("bridge", executable: true);
        WritePlugin("host-local", executable: false);

        CheckResult result = HostChecks.Cni(_dir.FullName);

        Assert.Equal(
            CheckResult.Fail("cni", $"{_dir.FullName}: missing portmap, loopback; not executable host-local (install the CNI plugins there or set network.cniBinDir)"),
            result);
    }

    [Fact]
    public async Task BrokerAsync_NotAUrl_FailsNamingIt()
    {
        CheckResult result = await HostChecks.BrokerAsync(new MqttSettings(Broker: "http://x"), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(CheckResult.Fail("broker", "'http://x' is not a broker URL (tcp://HOST:PORT or mqtts://HOST:PORT)"), result);
    }

    [Fact]
    public async Task BrokerAsync_ClosedPort_FailsAtTcpConnect()
    {
        int port = ClosedPort();

        CheckResult result = await HostChecks.BrokerAsync(new MqttSettings(Broker: $"tcp://127.0.0.1:{port}"), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(CheckResult.Fail("broker", $"tcp://127.0.0.1:{port}: TCP connect failed: Connection refused"), result);
    }

    [Fact]
    public async Task BrokerAsync_ListenerThatIsNotMqtt_FailsAtMqttConnect()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task closer = CloseEveryConnectionAsync(listener);

        CheckResult result = await HostChecks.BrokerAsync(new MqttSettings(Broker: $"tcp://127.0.0.1:{port}"), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("broker", result.Item);
        Assert.StartsWith($"tcp://127.0.0.1:{port}: MQTT CONNECT failed: ", result.Detail, StringComparison.Ordinal);
        listener.Stop();
        await closer;
    }

    [Fact]
    public async Task ContainerdAsync_NoSocket_FailsNamingTheSocket()
    {
        string socket = Path.Combine(_dir.FullName, "containerd.sock");

        CheckResult result = await HostChecks.ContainerdAsync(new ContainerdOptions { Socket = socket }, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(CheckResult.Fail("containerd", $"containerd not reachable at {socket}"), result);
    }

    [Fact]
    public void ToString_OkAndFail_AlignedColumns()
    {
        Assert.Equal("ok    cni         /usr/lib/cni: bridge", CheckResult.Pass("cni", "/usr/lib/cni: bridge").ToString());
        Assert.Equal("FAIL  containerd  gone", CheckResult.Fail("containerd", "gone").ToString());
    }

    [Fact]
    public void Check_Help_Exit0WithUsage()
    {
        var stdout = new StringWriter();

        int code = CliApp.Run(["check", "--help"], new MemoryStream(), stdout, new StringWriter());

        Assert.Equal(0, code);
        Assert.StartsWith("Usage: container-factory check [--timeout S]\n", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "soon")]
    [InlineData("extra", "arg")]
    public void Check_BadArguments_UsageError(string first, string second)
    {
        var stderr = new StringWriter();

        int code = CliApp.Run(["check", first, second], new MemoryStream(), new StringWriter(), stderr);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Equal($"check: unexpected argument '{first}'; see 'container-factory check --help'\n", stderr.ToString());
    }

    private void WritePlugin(string name, bool executable)
    {
        string path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task CloseEveryConnectionAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using TcpClient client = await listener.AcceptTcpClientAsync();
            }
        }
        catch (SocketException)
        {
            // listener stopped
        }
        catch (ObjectDisposedException)
        {
            // listener stopped
        }
    }
}
