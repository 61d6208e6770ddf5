using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

public sealed class ProcessCapabilitiesTests
{
    [Fact]
    public void ParseStatus_BoundingSetWithoutSysResource_ListsTheOther40InKernelOrder()
    {
        const string status = "Name:\tcontainer-factory\nCapInh:\t0000000000000000\nCapPrm:\t000001fffeffffff\n"
            + "CapEff:\t000001fffeffffff\nCapBnd:\t000001fffeffffff\nCapAmb:\t0000000000000000\n";

        IReadOnlyList<string> caps = ProcessCapabilities.ParseStatus(status).Value;

        Assert.Equal([.. LinuxCapabilityNames.All.Where(c => c != "CAP_SYS_RESOURCE")], caps);
    }

    [Fact]
    public void ParseStatus_DockerDefaultSet_IsContainerdsDefaultSet()
    {
        IReadOnlyList<string> caps = ProcessCapabilities.ParseStatus("CapEff:\t00000000a80425fb\n").Value;

        Assert.Equal(LinuxCapabilityNames.Default.Order(StringComparer.Ordinal), caps.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromBitmap_BitsBeyondTheKnownCapabilities_AreIgnored()
    {
        Assert.Equal(["CAP_CHOWN", "CAP_CHECKPOINT_RESTORE"], ProcessCapabilities.FromBitmap((1UL << 63) | (1UL << 40) | 1));
    }

    [Fact]
    public void ParseStatus_NoCapEffLine_IsInvalidArgument()
    {
        RuntimeResult<IReadOnlyList<string>> parsed = ProcessCapabilities.ParseStatus("Name:\tx\nCapPrm:\t0\n");

        Assert.Equal(RuntimeErrorKind.InvalidArgument, parsed.Error!.Kind);
    }

    [Fact]
    public void ReadCurrent_ThisProcess_IsItsEffectiveSet()
    {
        string line = File.ReadAllLines("/proc/self/status").Single(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        ulong bitmap = Convert.ToUInt64(line["CapEff:".Length..].Trim(), 16);

        Assert.Equal(ProcessCapabilities.FromBitmap(bitmap), ProcessCapabilities.ReadCurrent().Value);
    }
}
