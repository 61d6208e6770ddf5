using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>The Kanto profile's choices that the golden files do not show one by one.</summary>
public sealed class ContainerSpecTests
{
    private static readonly ContainerSpecOptions Minimal = new("kanto-cm", "c1");

    [Fact]
    public void Build_Minimal_CtrDefaultsWithoutRunTmpfs()
    {
        var spec = ContainerSpec.Build(Minimal);

        Assert.Equal(["/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys"], spec.Mounts!.Select(m => m.Destination));
        Assert.Equal("/kanto-cm/c1", spec.Linux!.CgroupsPath);
        Assert.Equal(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], spec.Process!.Env);
        Assert.Equal(new OciNamespace("network"), spec.Linux.Namespaces![4]);
        Assert.Null(spec.Hostname);
        Assert.False(spec.Process.Terminal);
    }

    [Fact]
    public void Build_Privileged_IgnoresDeviceMappingsAndExtraCapabilities()
    {
        var spec = ContainerSpec.Build(Minimal with
        {
            Privileged = true,
            Devices = [new DeviceRule(SpecProfiles.FakeHostDevices[0], "/dev/mynull", "r")],
            ExtraCapabilities = ["CAP_NOT_A_CAPABILITY"],
        });

        Assert.Equal(LinuxCapabilityNames.All, spec.Process!.Capabilities!.Bounding);
        Assert.Null(spec.Linux!.Devices);
        Assert.Equal([new OciDeviceCgroup(true, null, null, null, "rwm")], spec.Linux.Resources!.Devices);
    }

    [Fact]
    public void Build_PrivilegedWithTheAgentsCapabilities_GrantsExactlyThose()
    {
        var spec = ContainerSpec.Build(Minimal with { Privileged = true, PrivilegedCapabilities = ["CAP_CHOWN", "CAP_NET_ADMIN"] });

        Assert.Equal(["CAP_CHOWN", "CAP_NET_ADMIN"], spec.Process!.Capabilities!.Bounding);
        Assert.Equal(["CAP_CHOWN", "CAP_NET_ADMIN"], spec.Process.Capabilities.Effective);
    }

    [Fact]
    public void Build_HostNetwork_WinsOverNamespacePath()
    {
        var spec = ContainerSpec.Build(Minimal with { HostNetwork = true, NetworkNamespacePath = "/var/run/netns/c1" });

        Assert.DoesNotContain(spec.Linux!.Namespaces!, n => n.Type == "network");
    }

    [Fact]
    public void Build_UserEnv_OverridesHostnameAndTerm()
    {
        var spec = ContainerSpec.Build(Minimal with { HostName = "h", Tty = true, Env = ["TERM=vt100", "HOSTNAME=mine"] });

        Assert.Equal(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=mine", "TERM=vt100"], spec.Process!.Env);
    }

    [Fact]
    public void Build_SystemdCgroupsPathAndAbsoluteRootfs_AreUsed()
    {
        var spec = ContainerSpec.Build(Minimal with { CgroupsPath = CgroupsPaths.Systemd("kanto-cm", "c1"), RootfsPath = "/run/c1/rootfs" });

        Assert.Equal("system.slice:kanto-cm:c1", spec.Linux!.CgroupsPath);
        Assert.Equal(new OciRoot("/run/c1/rootfs"), spec.Root);
    }

    [Fact]
    public void Options_AppliedToAnotherSpec_ReplacesItWithDefaultsFirst()
    {
        var spec = ContainerSpec.Options(Minimal)(OciSpec.Empty with { Hostname = "stale" });

        Assert.Null(spec.Hostname);
    }
}
