using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Config.Sizes;

namespace ContainerFactory.Config.Tests.Kanto;

public sealed class KantoReportTests
{
    [Fact]
    public void ToWire_MountPoint_UppercasesPropagation() =>
        Assert.Equal(
            new KantoMountPoint { Source = "/s", Destination = "/d", PropagationMode = "RSLAVE" },
            KantoReport.ToWire(new MountPoint("/s", "/d", PropagationMode.RSlave)));

    [Fact]
    public void ToWire_DeviceMapping_KeepsPaths() =>
        Assert.Equal(
            new KantoDeviceMapping { PathOnHost = "/dev/a", PathInContainer = "/dev/b", CgroupPermissions = "rw" },
            KantoReport.ToWire(new DeviceMapping("/dev/a", "/dev/b", "rw")));

    [Fact]
    public void ToWire_PortMapping_LowercaseProtoAndBothPorts() =>
        Assert.Equal(
            new KantoPortMapping { Proto = "udp", HostPort = 53, HostPortEnd = 53, ContainerPort = 5353, HostIP = "0.0.0.0" },
            KantoReport.ToWire(new PortMapping(PortProtocol.Udp, 5353, "0.0.0.0", 53, 53)));

    [Fact]
    public void ToWire_DefaultRestartPolicy_HasOnlyType() =>
        Assert.Equal(new KantoRestartPolicy { Type = "UNLESS_STOPPED" }, KantoReport.ToWire(RestartPolicy.Default));

    [Fact]
    public void ToWire_OnFailurePolicy_HasCountAndSeconds() =>
        Assert.Equal(
            new KantoRestartPolicy { MaxRetryCount = 3, RetryTimeout = 10, Type = "ON_FAILURE" },
            KantoReport.ToWire(new RestartPolicy(RestartPolicyKind.OnFailure, 3, 10)));

    [Fact]
    public void ToWire_DefaultLog_OmitsRootDirAndBuffer() =>
        Assert.Equal(
            new KantoLogConfig { Type = "JSON_FILE", MaxFiles = 2, MaxSize = "100M", Mode = "BLOCKING" },
            KantoReport.ToWire(LogConfig.Default));

    [Fact]
    public void ToWire_NoneNonBlockingLog_HasTypeModeAndBuffer() =>
        Assert.Equal(
            new KantoLogConfig { Type = "NONE", Mode = "NON_BLOCKING", MaxBufferSize = "1M" },
            KantoReport.ToWire(new LogConfig(LogDriver.None, 0, null, null, LogMode.NonBlocking, new ByteSize("1M", 1048576))));

    [Fact]
    public void ToWire_UnlimitedResources_IsNull() => Assert.Null(KantoReport.ToWire(Resources.Unlimited));

    [Fact]
    public void ToWire_Resources_KeepsOriginalTexts() =>
        Assert.Equal(
            new KantoResources { Memory = "0.5G", MemorySwap = "1G" },
            KantoReport.ToWire(new Resources(new ByteSize("0.5G", 536870912), null, new ByteSize("1G", 1073741824))));

    [Fact]
    public void ToWire_NoDecryption_IsNull() => Assert.Null(KantoReport.ToWire(Decryption.None));

    [Fact]
    public void ToWire_ConfigWithEmptyDecryptionLists_OmitsDecryption() =>
        Assert.Null(KantoReport.ToWire(ContainerDefaults.Apply("id", Requests.WithConfig("""{"decryption":{"keys":[],"recipients":[]}}"""))).Decryption);

    [Fact]
    public void ToNormalizedCreate_Config_CarriesImageNameStart()
    {
        var wire = KantoReport.ToNormalizedCreate(ContainerDefaults.Apply("id", new CreateRequest("img", "web", true, null)), start: true);

        Assert.Equal(("img", "web", (bool?)true), (wire.ImageRef, wire.Name, wire.Start));
        Assert.Equal("BRIDGE", wire.Config!.NetworkMode);
    }
}
