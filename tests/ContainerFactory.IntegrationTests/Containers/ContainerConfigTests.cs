using ContainerFactory.IntegrationTests.Network;

namespace ContainerFactory.IntegrationTests.Containers;

/// <summary>
/// What the container config does inside real containers created by the published binary's <c>create</c>: host port
/// ranges, extraHosts, host networking, bind-mount propagation, devices, memory limits, capabilities, env/cmd/hostname,
/// log rotation. Most run busybox with a command that prints what it sees and read it back with <c>logs</c>.
/// </summary>
[Trait("Category", "Containers")]
public sealed class ContainerConfigTests(CliTestBed bed) : IClassFixture<CliTestBed>
{
    private const string Sleeper = """["sh","-c","trap 'exit 0' TERM; while :; do sleep 1; done"]""";

    [Fact]
    public async Task PortMapping_HostPortRange_ForwardsTheFirstPortOfTheRange()
    {
        int first = HostPorts.FreeRange(3);
        string id = await bed.CreateAsync(bed.Env["CF_IMAGE_WEB"], $$"""{"portMappings":[{"hostPort":{{first}},"hostPortEnd":{{first + 2}},"containerPort":80}]}""");
        try
        {
            Assert.Contains(bed.Env["CF_WEB_LINE"], await HostPorts.GetAsync(first), StringComparison.Ordinal);
            Assert.True(await HostPorts.RefusedAsync(first + 1));
            Assert.Contains($"--dport {first} ", HostTool.NatRules(), StringComparison.Ordinal);
        }
        finally
        {
            await bed.RemoveAsync(id);
        }

        Assert.DoesNotContain($"--dport {first} ", HostTool.NatRules(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtraHosts_HostIp_ResolvesToTheBridgeAddressInside()
    {
        string logs = await bed.RunToExitAsync("""{"extraHosts":["ctrhost:host_ip","db:10.9.8.7"],"hostName":"web","domainName":"example.test","cmd":["cat","/etc/hosts"]}""");

        string[] lines = logs.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([$"{bed.BridgeAddress}\tctrhost", "10.9.8.7\tdb"], lines[^3..^1]);
        Assert.Matches($@"^{bed.SubnetPrefix.Replace(".", @"\.", StringComparison.Ordinal)}\.\d+\tweb\.example\.test web$", lines[^1]);
    }

    [Fact]
    public async Task NetworkMode_Host_SharesTheHostsNetworkNamespace()
    {
        string hostNetns = new FileInfo("/proc/self/ns/net").LinkTarget!;

        string logs = await bed.RunToExitAsync("""{"networkMode":"HOST","cmd":["readlink","/proc/self/ns/net"]}""");

        Assert.Equal(hostNetns + "\n", logs);
    }

    [Fact]
    public async Task MountPoint_RShared_IsASharedBindMountBothSidesSee()
    {
        string source = Directory.CreateDirectory(Path.Combine(bed.Root, $"mount-{Guid.NewGuid():N}")).FullName;
        await File.WriteAllTextAsync(Path.Combine(source, "from-host"), "host was here\n");
        string config = $$"""
            {"mountPoints":[{"source":"{{source}}","destination":"/data","propagationMode":"RSHARED"}],
             "cmd":["sh","-c","grep ' /data ' /proc/self/mountinfo; cat /data/from-host; echo container was here > /data/from-container"]}
            """;

        string[] lines = (await bed.RunToExitAsync(config)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d+ \d+ \d+:\d+ \S+ /data rw[^ ]* shared:\d+ ", lines[0]);
        Assert.Equal("host was here", lines[1]);
        Assert.Equal("container was here\n", await File.ReadAllTextAsync(Path.Combine(source, "from-container")));
    }

    [Fact]
    public async Task Devices_DevNullAsMyNullRwm_IsACharacterDeviceTheContainerCanWrite()
    {
        string logs = await bed.RunToExitAsync("""
            {"devices":[{"pathOnHost":"/dev/null","pathInContainer":"/dev/mynull","cgroupPermissions":"rwm"}],
             "cmd":["sh","-c","stat -c '%t:%T %F' /dev/mynull && echo data > /dev/mynull && cat /dev/mynull && echo written"]}
            """);

        Assert.Equal("1:3 character special file\nwritten\n", logs);
    }

    [Fact]
    public async Task Resources_Memory64M_IsTheCgroupLimitWithSwapTwiceAsLarge()
    {
        string id = await bed.CreateAsync(bed.Env["CF_IMAGE_BUSYBOX"], $$"""{"resources":{"memory":"64M"},"cmd":{{Sleeper}}}""");
        try
        {
            await bed.WaitForStatusAsync(id, "RUNNING");
            string cgroup = Path.Combine("/sys/fs/cgroup/memory", bed.Namespace.Name, id);

            Assert.Equal("67108864\n", await File.ReadAllTextAsync(Path.Combine(cgroup, "memory.limit_in_bytes")));
            Assert.Equal("134217728\n", await File.ReadAllTextAsync(Path.Combine(cgroup, "memory.memsw.limit_in_bytes")));
            Assert.Equal(new CliResult(0, id + "\n", ""), await bed.RunAsync("stop", id));
            Assert.False(Directory.Exists(cgroup));
        }
        finally
        {
            await bed.RemoveAsync(id);
        }
    }

    [Theory]
    [InlineData("", "00000000a80425fb")]
    [InlineData("\"extraCapabilities\":[\"NET_ADMIN\"],", "00000000a80435fb")]
    [InlineData("\"extraCapabilities\":[\"CAP_SYS_TIME\",\"SYS_PTRACE\"],", "00000000aa0c25fb")]
    public async Task Capabilities_DefaultExtraOrPrivileged_AreTheEffectiveSetOfPid1(string members, string capEff)
    {
        string logs = await bed.RunToExitAsync("{" + members + "\"cmd\":[\"grep\",\"CapEff\",\"/proc/1/status\"]}");

        Assert.Equal($"CapEff:\t{capEff}\n", logs);
    }

    [Fact]
    public async Task Capabilities_Privileged_AreTheAgentsOwnEffectiveSet()
    {
        // containerd's WithPrivileged grants the client's effective set; the binary inherits the test process's.
        string agent = File.ReadAllLines("/proc/self/status").Single(l => l.StartsWith("CapEff:", StringComparison.Ordinal));

        string logs = await bed.RunToExitAsync("""{"privileged":true,"cmd":["grep","CapEff","/proc/1/status"]}""");

        Assert.Equal(agent + "\n", logs);
    }

    [Fact]
    public async Task EnvCmdHostnameDomainname_AreWhatTheProcessSees()
    {
        string logs = await bed.RunToExitAsync("""
            {"env":["GREETING=hello world","EMPTY="],"hostName":"web","domainName":"example.test",
             "cmd":["sh","-c","echo \"$GREETING\"; echo \"[$EMPTY]\"; echo \"$HOSTNAME\"; hostname; hostname -d; hostname -f"]}
            """);

        // The domain is resolved through the container's /etc/hosts (web.example.test web). The kernel's NIS
        // domainname stays "(none)": Debian 12's runc 1.1.5 ignores the spec's domainname (runc ≥ 1.2 sets it).
        Assert.Equal("hello world\n[]\nweb\nweb\nexample.test\nweb.example.test\n", logs);
    }

    [Fact]
    public async Task Logs_OverMaxSize_RotateKeepingMaxFilesAndReadBackInOrder()
    {
        string id = await bed.CreateAsync(bed.Env["CF_IMAGE_BUSYBOX"], """
            {"log":{"type":"JSON_FILE","maxSize":"1K","maxFiles":3},
             "cmd":["sh","-c","i=1; while [ $i -le 300 ]; do echo line-$i; i=$((i+1)); done"]}
            """);
        try
        {
            await bed.WaitForStatusAsync(id, "EXITED");
            await bed.WaitForLogsAsync(id, "line-300\n");

            string[] files = [.. Directory.GetFiles(bed.FilesOf(id), "json.log*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
            Assert.Equal(["json.log", "json.log.1", "json.log.2"], files);
            foreach (string rotated in (string[])["json.log.1", "json.log.2"])
            {
                long size = new FileInfo(Path.Combine(bed.FilesOf(id), rotated)).Length;
                Assert.InRange(size, 1024, 1024 + 100);
            }

            string[] lines = (await bed.CheckedAsync("logs", id)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.InRange(lines.Length, 26, 45);
            Assert.Equal(Enumerable.Range(301 - lines.Length, lines.Length).Select(n => $"line-{n}"), lines);
            Assert.Equal("line-298\nline-299\nline-300\n", await bed.CheckedAsync("logs", "--tail", "3", id));
        }
        finally
        {
            await bed.CheckedAsync("rm", id);
        }
    }
}
