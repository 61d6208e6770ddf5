using ContainerFactory.Runtime.Oci;
using static ContainerFactory.Runtime.Tests.Oci.OciText;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>The mount, device, resource, namespace and root options, each on an empty spec (or a small seed).</summary>
public sealed class SpecOptsLinuxTests
{
    private static readonly DeviceNode Null = new("/dev/null", DeviceType.Char, 1, 3, 0x1B6, 0, 0);
    private static readonly DeviceNode Disk = new("/dev/sda", DeviceType.Block, 8, 0, 0x1B0, 0, 6);

    [Fact]
    public void WithDefaultSpec_CgroupsPathIsNamespaceAndId()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDefaultSpec("kanto-cm", "c0"));

        Assert.Equal("/kanto-cm/c0", spec.Linux!.CgroupsPath);
        Assert.Equal("1.0.2-dev", spec.OciVersion);
        Assert.Equal(["pid", "ipc", "uts", "mount", "network"], spec.Linux.Namespaces!.Select(n => n.Type));
        Assert.Equal([new OciDeviceCgroup(false, null, null, null, "rwm")], spec.Linux.Resources!.Devices);
        Assert.Null(spec.Linux.Resources.Cpu);
    }

    [Fact]
    public void WithDefaultSpec_ReplacesEverythingBefore()
    {
        var spec = SpecOpts.Build(SpecOpts.WithHostname("lost"), SpecOpts.WithDefaultSpec("ns", "id"));

        Assert.Null(spec.Hostname);
        Assert.Null(spec.Process!.Env);
    }

    [Fact]
    public void WithDefaultUnixDevices_AppendsNineCharRulesInCtrOrder()
    {
        var rules = SpecOpts.Build(SpecOpts.WithDefaultUnixDevices()).Linux!.Resources!.Devices!;

        Assert.Equal(
            ["c 1:3", "c 1:8", "c 1:7", "c 5:0", "c 1:5", "c 1:9", "c 5:1", "c 136:*", "c 5:2"],
            rules.Select(r => $"{r.Type} {r.Major}:{r.Minor?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}"));
        Assert.All(rules, r => Assert.True(r.Allow && r.Access == "rwm"));
    }

    [Fact]
    public void WithCpuShares_SetsShares()
    {
        Assert.Equal("""{"ociVersion":"","linux":{"resources":{"cpu":{"shares":512}}}}""", Json(SpecOpts.Build(SpecOpts.WithCpuShares(512))));
    }

    [Fact]
    public void WithDevices_NodeAtContainerPathAndAllowRule()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDevices([new DeviceRule(Null, "/dev/mynull", "rw"), new DeviceRule(Disk, "/dev/disk0", "r")]));

        Assert.Equal(
            """{"ociVersion":"","linux":{"resources":{"devices":[{"allow":true,"type":"c","major":1,"minor":3,"access":"rw"},{"allow":true,"type":"b","major":8,"minor":0,"access":"r"}]},"devices":[{"path":"/dev/mynull","type":"c","major":1,"minor":3,"fileMode":438,"uid":0,"gid":0},{"path":"/dev/disk0","type":"b","major":8,"minor":0,"fileMode":432,"uid":0,"gid":6}]}}""",
            Json(spec));
    }

    [Fact]
    public void WithDevices_AfterDenyAll_RulesFollowTheDeny()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDefaultSpec("ns", "id"), SpecOpts.WithDevices([new DeviceRule(Null, "/dev/mynull", "rwm")]));

        Assert.Equal(
            [new OciDeviceCgroup(false, null, null, null, "rwm"), new OciDeviceCgroup(true, "c", 1, 3, "rwm")],
            spec.Linux!.Resources!.Devices);
    }

    [Fact]
    public void WithDevices_None_LeavesSpecUnchanged()
    {
        Assert.Same(OciSpec.Empty, SpecOpts.WithDevices([])(OciSpec.Empty));
    }

    [Fact]
    public void WithHostDevices_NodesAtHostPathsWithoutRules()
    {
        var spec = SpecOpts.Build(SpecOpts.WithHostDevices([Null]));

        Assert.Equal("""{"ociVersion":"","linux":{"devices":[{"path":"/dev/null","type":"c","major":1,"minor":3,"fileMode":438,"uid":0,"gid":0}]}}""", Json(spec));
    }

    [Fact]
    public void WithAllDevicesAllowed_ReplacesRules()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDefaults("ns", "id"), SpecOpts.WithAllDevicesAllowed());

        Assert.Equal([new OciDeviceCgroup(true, null, null, null, "rwm")], spec.Linux!.Resources!.Devices);
    }

    [Fact]
    public void WithPrivileged_OnDefaults_LiftsEveryRestriction()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDefaults("ns", "id"), SpecOpts.WithPrivileged([Null, Disk]));

        Assert.Equal(LinuxCapabilityNames.All, spec.Process!.Capabilities!.Bounding);
        Assert.Null(spec.Linux!.MaskedPaths);
        Assert.Null(spec.Linux.ReadonlyPaths);
        Assert.Equal(["nosuid", "noexec", "nodev", "rw"], spec.Mounts!.Single(m => m.Destination == "/sys").Options);
        Assert.Equal(["/dev/null", "/dev/sda"], spec.Linux.Devices!.Select(d => d.Path));
        Assert.Equal([new OciDeviceCgroup(true, null, null, null, "rwm")], spec.Linux.Resources!.Devices);
        Assert.True(spec.Process.NoNewPrivileges);
    }

    [Fact]
    public void WithWritableSysfs_OnlySysfsAndCgroupMountsChange()
    {
        var seeded = OciSpec.Empty with
        {
            Mounts =
            [
                new("/sys", "sysfs", "sysfs", ["nosuid", "ro"]),
                new("/sys/fs/cgroup", "cgroup", "cgroup", ["ro"]),
                new("/data", "bind", "/host", ["rbind", "ro"]),
            ],
        };

        var mounts = SpecOpts.WithWritableSysfs()(seeded).Mounts!;

        Assert.Equal(["nosuid", "rw"], mounts[0].Options);
        Assert.Equal(["rw"], mounts[1].Options);
        Assert.Equal(["rbind", "ro"], mounts[2].Options);
    }

    [Fact]
    public void WithoutMaskedAndReadonlyPaths_RemoveBothLists()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDefaultSpec("ns", "id"), SpecOpts.WithoutMaskedPaths(), SpecOpts.WithoutReadonlyPaths());

        Assert.Null(spec.Linux!.MaskedPaths);
        Assert.Null(spec.Linux.ReadonlyPaths);
    }

    [Theory]
    [InlineData(MountPropagation.RPrivate, "rprivate")]
    [InlineData(MountPropagation.Private, "private")]
    [InlineData(MountPropagation.RShared, "rshared")]
    [InlineData(MountPropagation.Shared, "shared")]
    [InlineData(MountPropagation.RSlave, "rslave")]
    [InlineData(MountPropagation.Slave, "slave")]
    public void WithBindMounts_Propagation_RbindAndOption(MountPropagation propagation, string option)
    {
        var spec = SpecOpts.Build(SpecOpts.WithBindMounts([new BindMount("/host/data", "/data", propagation)]));

        Assert.Equal(
            $$"""{"ociVersion":"","mounts":[{"destination":"/data","type":"bind","source":"/host/data","options":["rbind","{{option}}"]}]}""",
            Json(spec));
    }

    [Fact]
    public void WithHostFiles_ResolvHostnameHostsInKantoOrder()
    {
        var spec = SpecOpts.Build(SpecOpts.WithHostFiles(new HostFiles("/s/resolv.conf", "/s/hostname", "/s/hosts")));

        Assert.Equal(
            """{"ociVersion":"","mounts":[{"destination":"/etc/resolv.conf","type":"bind","source":"/s/resolv.conf","options":["rbind","rprivate"]},{"destination":"/etc/hostname","type":"bind","source":"/s/hostname","options":["rbind","rprivate"]},{"destination":"/etc/hosts","type":"bind","source":"/s/hosts","options":["rbind","rprivate"]}]}""",
            Json(spec));
    }

    [Fact]
    public void WithoutRunTmpfs_OnDefaults_RemovesOnlyRunKeepingOrder()
    {
        var spec = SpecOpts.Build(
            SpecOpts.WithDefaultSpec("ns", "id"),
            SpecOpts.WithBindMounts([new BindMount("/host/run", "/run")]),
            SpecOpts.WithoutRunTmpfs());

        Assert.Equal(
            ["/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/run"],
            spec.Mounts!.Select(m => m.Destination));
        Assert.Equal("bind", spec.Mounts![6].Type);
    }

    [Fact]
    public void WithoutRunTmpfs_Empty_Unchanged()
    {
        Assert.Same(OciSpec.Empty, SpecOpts.WithoutRunTmpfs()(OciSpec.Empty));
    }

    [Fact]
    public void WithMemory_AllThree_InBytes()
    {
        var spec = SpecOpts.Build(SpecOpts.WithMemory(new MemoryLimits(500L << 20, 300L << 20, 1000L << 20)));

        Assert.Equal(
            """{"ociVersion":"","linux":{"resources":{"memory":{"limit":524288000,"reservation":314572800,"swap":1048576000}}}}""",
            Json(spec));
    }

    [Fact]
    public void WithMemory_UnlimitedSwapOnly_WritesMinusOne()
    {
        var spec = SpecOpts.Build(SpecOpts.WithMemory(new MemoryLimits(null, null, -1)));

        Assert.Equal("""{"ociVersion":"","linux":{"resources":{"memory":{"swap":-1}}}}""", Json(spec));
    }

    [Fact]
    public void WithMemory_NoLimits_Unchanged()
    {
        Assert.Same(OciSpec.Empty, SpecOpts.WithMemory(new MemoryLimits(null, null, null))(OciSpec.Empty));
    }

    [Fact]
    public void WithNetworkNamespace_OnDefaults_ReplacesEntryInPlace()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDefaultSpec("ns", "id"), SpecOpts.WithNetworkNamespace("/var/run/netns/c0"));

        Assert.Equal(
            [new("pid"), new("ipc"), new("uts"), new("mount"), new OciNamespace("network", "/var/run/netns/c0")],
            spec.Linux!.Namespaces);
    }

    [Fact]
    public void WithNetworkNamespace_Empty_AppendsEntry()
    {
        var spec = SpecOpts.Build(SpecOpts.WithNetworkNamespace("/proc/1/ns/net"));

        Assert.Equal("""{"ociVersion":"","linux":{"namespaces":[{"type":"network","path":"/proc/1/ns/net"}]}}""", Json(spec));
    }

    [Fact]
    public void WithHostNetwork_OnDefaults_RemovesNetworkEntry()
    {
        var spec = SpecOpts.Build(SpecOpts.WithDefaultSpec("ns", "id"), SpecOpts.WithHostNetwork());

        Assert.Equal(["pid", "ipc", "uts", "mount"], spec.Linux!.Namespaces!.Select(n => n.Type));
    }

    [Fact]
    public void WithHostNetwork_Empty_Unchanged()
    {
        Assert.Same(OciSpec.Empty, SpecOpts.WithHostNetwork()(OciSpec.Empty));
    }

    [Fact]
    public void WithCgroupsPath_Systemd_SetsPath()
    {
        var spec = SpecOpts.Build(SpecOpts.WithCgroupsPath(CgroupsPaths.Systemd("kanto-cm", "c0")));

        Assert.Equal("""{"ociVersion":"","linux":{"cgroupsPath":"system.slice:kanto-cm:c0"}}""", Json(spec));
    }

    [Fact]
    public void WithRootfs_ReadOnly_WritesReadonly()
    {
        Assert.Equal("""{"ociVersion":"","root":{"path":"/abs/rootfs","readonly":true}}""", Json(SpecOpts.Build(SpecOpts.WithRootfs("/abs/rootfs", readOnly: true))));
        Assert.Equal("""{"ociVersion":"","root":{"path":"rootfs"}}""", Json(SpecOpts.Build(SpecOpts.WithRootfs("rootfs"))));
    }

    [Fact]
    public void Options_RequiredTextMissing_Throw()
    {
        Assert.Throws<ArgumentException>(() => SpecOpts.WithHostname(""));
        Assert.Throws<ArgumentException>(() => SpecOpts.WithDomainname(""));
        Assert.Throws<ArgumentException>(() => SpecOpts.WithNetworkNamespace(""));
        Assert.Throws<ArgumentException>(() => SpecOpts.WithCgroupsPath(""));
        Assert.Throws<ArgumentException>(() => SpecOpts.WithRootfs(""));
        Assert.Throws<ArgumentException>(() => CgroupsPaths.Cgroupfs("", "id"));
    }
}
