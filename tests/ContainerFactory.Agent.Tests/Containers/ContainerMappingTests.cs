using System.Text;
using ContainerFactory.Agent.Containers;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Runtime.Logs;
using ContainerFactory.Runtime.Network;
using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Agent.Tests.Containers;

public class ContainerMappingTests
{
    private const string Id = "6f1d2c8e-0d6b-4c5e-9a57-1b2f0c3d4e5f";
    private static readonly ContainerPaths Paths = new("/var/lib/cf", "/run/cf/netns");

    private static ContainerConfig Config(string config)
    {
        Assert.True(KantoDecoder.TryDecodeCreateWithConfig(
            Encoding.UTF8.GetBytes($"{{\"imageRef\":\"busybox\",\"config\":{config}}}"), out CreateRequest? request, out ConfigError? error), error?.Message);
        Assert.Empty(ContainerValidation.Validate(request!));
        return ContainerDefaults.Apply(Id, request!);
    }

    [Fact]
    public void ToSpec_Bridge_UsesNetnsHostFilesAndMemory()
    {
        ContainerConfig config = Config("{\"hostName\":\"h\",\"domainName\":\"d\",\"env\":[\"A=1\"],\"cmd\":[\"sh\"],\"tty\":true,\"resources\":{\"memory\":\"500M\"},\"mountPoints\":[{\"source\":\"/s\",\"destination\":\"/d\",\"propagationMode\":\"rshared\"}]}");

        ContainerSpecOptions spec = ContainerMapping.ToSpec(config, "kanto-cm", Paths, [], []);

        Assert.Equal(("kanto-cm", Id), (spec.Namespace, spec.Id));
        Assert.Equal(["sh"], spec.Cmd);
        Assert.Equal(["A=1"], spec.Env);
        Assert.Equal(("h", "d", true, false), (spec.HostName, spec.DomainName, spec.Tty, spec.HostNetwork));
        Assert.Equal($"/run/cf/netns/{Id}", spec.NetworkNamespacePath);
        Assert.Equal(new HostFiles($"/var/lib/cf/containers/{Id}/resolv.conf", $"/var/lib/cf/containers/{Id}/hostname", $"/var/lib/cf/containers/{Id}/hosts"), spec.HostFiles);
        Assert.Equal(new MemoryLimits(500L << 20, null, 1000L << 20), spec.Memory);
        Assert.Equal([new BindMount("/s", "/d", MountPropagation.RShared)], spec.Mounts);
    }

    [Fact]
    public void ToSpec_HostMode_HasNoNetworkNamespace()
    {
        ContainerSpecOptions spec = ContainerMapping.ToSpec(Config("{\"networkMode\":\"host\"}"), "kanto-cm", Paths, [], []);

        Assert.True(spec.HostNetwork);
        Assert.Null(spec.NetworkNamespacePath);
        Assert.Null(spec.Memory);
    }

    [Fact]
    public void ToMemory_SwapMinusOne_IsUnlimitedSwap()
    {
        MemoryLimits? memory = ContainerMapping.ToMemory(Config("{\"resources\":{\"memory\":\"10M\",\"memorySwap\":\"-1\",\"memoryReservation\":\"5M\"}}").Resources);

        Assert.Equal(new MemoryLimits(10L << 20, 5L << 20, -1), memory);
    }

    [Fact]
    public void ToConnect_PortRangeAndExtraHosts_AreCarried()
    {
        ContainerConfig config = Config("{\"extraHosts\":[\"ctrhost:host_ip\"],\"portMappings\":[{\"proto\":\"udp\",\"containerPort\":80,\"hostIP\":\"127.0.0.1\",\"hostPort\":5000,\"hostPortEnd\":5002}]}");

        ConnectRequest connect = ContainerMapping.ToConnect(config, Paths, _ => []);

        Assert.Equal(ContainerNetworkMode.Bridge, connect.Mode);
        Assert.Equal(["ctrhost:host_ip"], connect.ExtraHosts);
        Assert.Equal([new PortBinding("udp", 5000, 5002, 80, "127.0.0.1")], connect.Ports);
        Assert.Equal($"/var/lib/cf/containers/{Id}", connect.FilesDirectory);
        Assert.Equal($"{Id}-host", connect.HostName);
    }

    [Fact]
    public void ToLogDriver_DefaultsAndRootDir()
    {
        Assert.Equal(
            new LogDriverOptions(LogDriverType.JsonFile, 2, 100L << 20, "/var/lib/cf/containers", LogDeliveryMode.Blocking, 1L << 20),
            ContainerMapping.ToLogDriver(Config("{}").Log, Paths));
        Assert.Equal(
            new LogDriverOptions(LogDriverType.JsonFile, 3, 1L << 10, "/logs", LogDeliveryMode.NonBlocking, 2L << 20),
            ContainerMapping.ToLogDriver(Config("{\"log\":{\"maxFiles\":3,\"maxSize\":\"1K\",\"rootDir\":\"/logs\",\"mode\":\"non-blocking\",\"maxBufferSize\":\"2M\"}}").Log, Paths));
    }
}
