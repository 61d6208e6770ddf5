using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Config.Sizes;

namespace ContainerFactory.Config.Tests.Containers;

public sealed class ContainerDefaultsTests
{
    private const string Id = "6f1d2c8e-0d6b-4c5e-9a57-1b2f0c3d4e5f";

    [Fact]
    public void Apply_PlainCreate_FillsEveryDefault()
    {
        var config = ContainerDefaults.Apply(Id, new CreateRequest("docker.io/library/hello-world:latest", null, true, null));

        Assert.Equal((Id, Id, "docker.io/library/hello-world:latest"), (config.Id, config.Name, config.ImageRef));
        Assert.Equal(($"{Id}-domain", $"{Id}-host"), (config.DomainName, config.HostName));
        Assert.Equal(NetworkMode.Bridge, config.NetworkMode);
        Assert.Equal(RestartPolicy.Default, config.RestartPolicy);
        Assert.Equal(new RestartPolicy(RestartPolicyKind.UnlessStopped, 0, 0), config.RestartPolicy);
        Assert.Equal(new LogConfig(LogDriver.JsonFile, 2, new ByteSize("100M", 104857600), null, LogMode.Blocking, null), config.Log);
        Assert.Equal(Resources.Unlimited, config.Resources);
        Assert.Same(Decryption.None, config.Decryption);
        Assert.Equal((false, false, false), (config.Privileged, config.OpenStdin, config.Tty));
        Assert.Empty(config.Env);
        Assert.Empty(config.Cmd);
        Assert.Empty(config.ExtraHosts);
        Assert.Empty(config.ExtraCapabilities);
        Assert.Empty(config.MountPoints);
        Assert.Empty(config.Devices);
        Assert.Empty(config.PortMappings);
    }

    [Fact]
    public void Apply_NameGiven_DerivesDomainAndHostFromName()
    {
        var config = ContainerDefaults.Apply(Id, Requests.CreateWithConfig("""{"imageRef":"i","name":"web","config":{"hostName":"box"}}"""));

        Assert.Equal(("web", "web-domain", "box"), (config.Name, config.DomainName, config.HostName));
    }

    [Fact]
    public void Apply_EmptyStringsOfPublishedExample_TakeDefaults()
    {
        Assert.True(KantoDecoder.TryDecodeCreateWithConfig(Requests.ExampleValue("createWithConfig.request.json"), out var request, out _));

        var config = ContainerDefaults.Apply(Id, request);

        Assert.Equal(($"{Id}-domain", $"{Id}-host"), (config.DomainName, config.HostName));
        Assert.Equal(Resources.Unlimited, config.Resources);
        Assert.Null(config.Log.RootDir);
        Assert.Null(config.Log.MaxBufferSize);
        Assert.Equal(new PortMapping(PortProtocol.Tcp, 80, "0.0.0.0", 5000, 5005), config.PortMappings[0]);
    }

    [Fact]
    public void Apply_Privileged_DropsExtraCapabilities()
    {
        var config = ContainerDefaults.Apply(Id, Requests.WithConfig("""{"privileged":true,"extraCapabilities":["NET_ADMIN"]}"""));

        Assert.True(config.Privileged);
        Assert.Empty(config.ExtraCapabilities);
    }

    [Fact]
    public void Apply_Lists_KeepOrderAndNullElementsBecomeEmpty()
    {
        var config = ContainerDefaults.Apply(Id, Requests.WithConfig("""{"env":["A=1",null],"cmd":["sh","-c"],"extraHosts":["db:10.0.0.2"]}"""));

        Assert.Equal(["A=1", ""], config.Env);
        Assert.Equal(["sh", "-c"], config.Cmd);
        Assert.Equal(["db:10.0.0.2"], config.ExtraHosts);
    }

    [Theory]
    [InlineData(null, NetworkMode.Bridge)]
    [InlineData("", NetworkMode.Bridge)]
    [InlineData("BRIDGE", NetworkMode.Bridge)]
    [InlineData("host", NetworkMode.Host)]
    [InlineData("HOST", NetworkMode.Host)]
    public void ToNetworkMode_Spelling_MapsToMode(string? wire, NetworkMode expected) =>
        Assert.Equal(expected, ContainerDefaults.ToNetworkMode(wire));

    [Theory]
    [InlineData(null, PropagationMode.RPrivate)]
    [InlineData("", PropagationMode.RPrivate)]
    [InlineData("RPRIVATE", PropagationMode.RPrivate)]
    [InlineData("private", PropagationMode.Private)]
    [InlineData("rshared", PropagationMode.RShared)]
    [InlineData("shared", PropagationMode.Shared)]
    [InlineData("RSlave", PropagationMode.RSlave)]
    [InlineData("SLAVE", PropagationMode.Slave)]
    public void ToMountPoint_Propagation_MapsEverySpelling(string? wire, PropagationMode expected) =>
        Assert.Equal(
            new MountPoint("/srv", "/data", expected),
            ContainerDefaults.ToMountPoint(new KantoMountPoint { Source = "/srv", Destination = "/data", PropagationMode = wire }));

    [Fact]
    public void ToDeviceMapping_OnlyHostPath_DefaultsContainerPathAndPermissions() =>
        Assert.Equal(
            new DeviceMapping("/dev/ttyACM0", "/dev/ttyACM0", "rwm"),
            ContainerDefaults.ToDeviceMapping(new KantoDeviceMapping { PathOnHost = "/dev/ttyACM0", PathInContainer = "" }));

    [Fact]
    public void ToDeviceMapping_AllGiven_KeepsValues() =>
        Assert.Equal(
            new DeviceMapping("/dev/ttyACM0", "/dev/serial", "r"),
            ContainerDefaults.ToDeviceMapping(new KantoDeviceMapping { PathOnHost = "/dev/ttyACM0", PathInContainer = "/dev/serial", CgroupPermissions = "r" }));

    [Fact]
    public void ToPortMapping_OnlyPorts_DefaultsProtoHostIpAndRangeEnd() =>
        Assert.Equal(
            new PortMapping(PortProtocol.Tcp, 80, "0.0.0.0", 5000, 5000),
            ContainerDefaults.ToPortMapping(new KantoPortMapping { HostPort = 5000, ContainerPort = 80 }));

    [Fact]
    public void ToPortMapping_AllGiven_KeepsValues() =>
        Assert.Equal(
            new PortMapping(PortProtocol.Udp, 53, "::1", 5353, 5360),
            ContainerDefaults.ToPortMapping(new KantoPortMapping { Proto = "UDP", HostIP = "::1", HostPort = 5353, HostPortEnd = 5360, ContainerPort = 53 }));

    [Fact]
    public void ToCapabilities_AnySpelling_ReturnsCanonicalNames() =>
        Assert.Equal(["CAP_NET_ADMIN", "CAP_SYS_TIME"], ContainerDefaults.ToCapabilities(["net_admin", "CAP_sys_time"]));

    [Fact]
    public void ToDecryption_Given_KeepsKeysAndRecipients()
    {
        var decryption = ContainerDefaults.ToDecryption(new KantoDecryption { Keys = ["/k.pem:pw"], Recipients = ["pkcs7:/c.pem"] });

        Assert.Equal(["/k.pem:pw"], decryption.Keys);
        Assert.Equal(["pkcs7:/c.pem"], decryption.Recipients);
    }

    [Fact]
    public void ToRestartPolicy_Absent_IsUnlessStopped() =>
        Assert.Equal(new RestartPolicy(RestartPolicyKind.UnlessStopped, 0, 0), ContainerDefaults.ToRestartPolicy(null));

    [Theory]
    [InlineData("no", RestartPolicyKind.No)]
    [InlineData("ALWAYS", RestartPolicyKind.Always)]
    [InlineData("unless-stopped", RestartPolicyKind.UnlessStopped)]
    [InlineData("ON_FAILURE", RestartPolicyKind.OnFailure)]
    [InlineData("on-failure", RestartPolicyKind.OnFailure)]
    public void ToRestartPolicy_Type_MapsBothSpellings(string wire, RestartPolicyKind expected) =>
        Assert.Equal(expected, ContainerDefaults.ToRestartPolicy(new KantoRestartPolicy { Type = wire }).Kind);

    [Fact]
    public void ToRestartPolicy_FractionalTimeout_TruncatesToSeconds() =>
        Assert.Equal(
            new RestartPolicy(RestartPolicyKind.OnFailure, 3, 10),
            ContainerDefaults.ToRestartPolicy(new KantoRestartPolicy { Type = "on-failure", MaxRetryCount = 3, RetryTimeout = 10.9 }));

    [Fact]
    public void ToRestartPolicy_HugeTimeout_Saturates() =>
        Assert.Equal(long.MaxValue, ContainerDefaults.ToRestartPolicy(new KantoRestartPolicy { Type = "on-failure", RetryTimeout = 1e300 }).RetryTimeoutSeconds);

    [Fact]
    public void ToLogConfig_EmptyObject_IsJsonFileTwoFilesOf100MBlocking() =>
        Assert.Equal(LogConfig.Default, ContainerDefaults.ToLogConfig(new KantoLogConfig { Type = "", MaxFiles = 0, MaxSize = "", Mode = "" }));

    [Fact]
    public void ToLogConfig_None_ClearsFilesAndSize() =>
        Assert.Equal(
            new LogConfig(LogDriver.None, 0, null, null, LogMode.Blocking, null),
            ContainerDefaults.ToLogConfig(new KantoLogConfig { Type = "NONE", MaxFiles = 5, MaxSize = "1G" }));

    [Fact]
    public void ToLogConfig_NonBlockingWithoutBuffer_DefaultsBufferTo1M() =>
        Assert.Equal(
            new LogConfig(LogDriver.JsonFile, 5, new ByteSize("10m", 10485760), "/var/log/ctr", LogMode.NonBlocking, new ByteSize("1M", 1048576)),
            ContainerDefaults.ToLogConfig(new KantoLogConfig { Type = "json-file", MaxFiles = 5, MaxSize = "10m", RootDir = "/var/log/ctr", Mode = "non-blocking" }));

    [Fact]
    public void ToLogConfig_BlockingWithBuffer_ClearsBuffer() =>
        Assert.Null(ContainerDefaults.ToLogConfig(new KantoLogConfig { Mode = "BLOCKING", MaxBufferSize = "4M" }).MaxBufferSize);

    [Theory]
    [InlineData("500M", "1000M", 1048576000L)]
    [InlineData("1.5G", "3G", 3221225472L)]
    [InlineData("3B", "6B", 6L)]
    [InlineData("100 k", "200 k", 204800L)]
    public void ToResources_MemoryWithoutSwapOnCreate_SwapIsTwiceMemoryInItsUnit(string memory, string swap, long swapBytes) =>
        Assert.Equal(
            new ByteSize(swap, swapBytes),
            ContainerDefaults.ToResources(new KantoResources { Memory = memory, MemorySwap = "" }, deriveSwap: true).MemorySwap);

    [Fact]
    public void ToResources_SwapMinusOne_IsUnlimitedSwap() =>
        Assert.Equal(
            new Resources(new ByteSize("500M", 524288000), null, null),
            ContainerDefaults.ToResources(new KantoResources { Memory = "500M", MemorySwap = "-1" }, deriveSwap: true));

    [Fact]
    public void ToResources_AllGiven_KeepsTextsAndBytes() =>
        Assert.Equal(
            new Resources(new ByteSize("500M", 524288000), new ByteSize("300M", 314572800), new ByteSize("1G", 1073741824)),
            ContainerDefaults.ToResources(new KantoResources { Memory = "500M", MemoryReservation = "300M", MemorySwap = "1G" }, deriveSwap: true));

    [Fact]
    public void ToResources_OnUpdate_DerivesNoSwap() =>
        Assert.Null(ContainerDefaults.ToResources(new KantoResources { Memory = "500M" }, deriveSwap: false).MemorySwap);

    [Fact]
    public void ToResources_AllEmpty_IsUnlimited() =>
        Assert.True(ContainerDefaults.ToResources(new KantoResources { Memory = "", MemoryReservation = "", MemorySwap = "" }, deriveSwap: true).IsUnlimited);

    [Fact]
    public void ApplyUpdate_OnlyRestartPolicy_LeavesResourcesUnchanged() =>
        Assert.Equal(
            new ContainerUpdate(new RestartPolicy(RestartPolicyKind.Always, 0, 0), null),
            ContainerDefaults.ApplyUpdate(Requests.Update("""{"restartPolicy":{"type":"ALWAYS"}}""")));

    [Fact]
    public void ApplyUpdate_EmptyResources_ClearsLimits() =>
        Assert.Equal(new ContainerUpdate(null, Resources.Unlimited), ContainerDefaults.ApplyUpdate(Requests.Update("""{"resources":{}}""")));

    [Theory]
    [InlineData("", 15)]
    [InlineData("SIGKILL", 9)]
    [InlineData("int", 2)]
    [InlineData("10", 10)]
    public void ApplyStop_Signal_MapsToNumber(string signal, int expected) =>
        Assert.Equal(new StopOptions(true, 50, expected), ContainerDefaults.ApplyStop(new StopRequest(true, 50, signal)));

    [Fact]
    public void TryApply_InvalidRequest_ReturnsIssuesAndNoConfig()
    {
        Assert.False(ContainerDefaults.TryApply(Id, Requests.WithConfig("""{"resources":{"memory":"2M"}}"""), out var config, out var issues));
        Assert.Null(config);
        Assert.Equal([new ConfigIssue("minimum memory allowed is 3M", "config.resources.memory")], issues);
    }

    [Fact]
    public void TryApply_ValidRequest_ReturnsConfig()
    {
        Assert.True(ContainerDefaults.TryApply(Id, new CreateRequest("i", null, false, null), out var config, out var issues));
        Assert.Empty(issues);
        Assert.Equal(Id, config.Name);
    }
}
