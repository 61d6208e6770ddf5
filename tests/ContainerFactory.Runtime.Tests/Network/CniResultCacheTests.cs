using System.Text.Json;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class CniResultCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cf-cni-cache-").FullName;

    [Fact]
    public void TryWrite_ThenTryRead_ReturnsTheEntryWithTheVerbatimResult()
    {
        var cache = new CniResultCache(Path.Combine(_directory, "results"));
        CniCacheEntry entry = Entry("c1");

        RuntimeResult written = cache.TryWrite(entry);
        CniCacheEntry read = cache.TryRead("c1", "eth0").Value!;

        Assert.True(written.IsSuccess, written.ToString());
        Assert.Equal(Path.Combine(_directory, "results", "c1-eth0.json"), cache.PathOf("c1", "eth0"));
        Assert.Equal(
            JsonSerializer.Serialize(entry, NetworkJson.Default.CniCacheEntry),
            JsonSerializer.Serialize(read, NetworkJson.Default.CniCacheEntry));
        Assert.Equal("container-factory/cni-cache/v1", read.Kind);
        Assert.Equal(["bridge", "portmap"], read.Network.Plugins.Select(p => p.Type));
    }

    [Fact]
    public void TryRead_Missing_IsNullAndTryDeleteMissingSucceeds()
    {
        var cache = new CniResultCache(Path.Combine(_directory, "never-created"));

        Assert.Null(cache.TryRead("c1", "eth0").Value);
        Assert.True(cache.TryDelete("c1", "eth0").IsSuccess);
    }

    [Fact]
    public void TryRead_CorruptOrForeignFile_FailsWithInternal()
    {
        var cache = new CniResultCache(_directory);
        File.WriteAllText(cache.PathOf("c1", "eth0"), "{not json");
        Assert.True(cache.TryWrite(Entry("c2")).IsSuccess);
        File.Copy(cache.PathOf("c2", "eth0"), cache.PathOf("c3", "eth0"));

        Assert.Equal(RuntimeErrorKind.Internal, cache.TryRead("c1", "eth0").Error!.Kind);
        Assert.Equal(new RuntimeError(RuntimeErrorKind.Internal, $"cni cache {cache.PathOf("c3", "eth0")} does not belong to c3"), cache.TryRead("c3", "eth0").Error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TryReadHeldHostPorts_OtherLiveEntries_ReturnsTheirPortsButNotTheAskersNorStaleOrCorruptOnes()
    {
        // /proc/self/ns/net stands in for a pinned namespace (it is one); the default entries' pins do not exist.
        const string Live = "/proc/self/ns/net";
        var cache = new CniResultCache(_directory);
        Assert.True(cache.TryWrite(Entry("c1") with { NetnsPath = Live }).IsSuccess);
        Assert.True(cache.TryWrite(Entry("c2") with { NetnsPath = Live, PortMappings = [new PortMapping { HostPort = 9000, ContainerPort = 80, Protocol = "udp" }, new PortMapping { HostPort = 49153, ContainerPort = 81, Protocol = "tcp" }] }).IsSuccess);
        Assert.True(cache.TryWrite(Entry("c3") with { NetnsPath = Live, PortMappings = [new PortMapping { HostPort = 7000, ContainerPort = 80, Protocol = "tcp" }] }).IsSuccess);
        Assert.True(cache.TryWrite(Entry("c5") with { PortMappings = [new PortMapping { HostPort = 6000, ContainerPort = 80, Protocol = "tcp" }] }).IsSuccess);
        File.WriteAllText(Path.Combine(_directory, "broken-eth0.json"), "{");
        File.WriteAllText(Path.Combine(_directory, "c4-eth0.json.tmp"), "{");

        IReadOnlySet<string> held = cache.TryReadHeldHostPorts("c3").Value;

        Assert.Equal(["tcp/49153", "tcp/8080", "udp/9000"], held.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryReadHeldHostPorts_NoFolderYet_IsEmpty()
    {
        var cache = new CniResultCache(Path.Combine(_directory, "never-created"));

        Assert.Empty(cache.TryReadHeldHostPorts("c1").Value);
    }

    private static CniCacheEntry Entry(string id)
    {
        CniResult result = CniTestData.BridgeAddResult().Deserialize(NetworkJson.Default.CniResult)!;
        return new CniCacheEntry
        {
            ContainerId = id,
            NetnsPath = $"/run/container-factory/netns/{id}",
            InterfaceName = "eth0",
            Network = CniConfigFactory.Bridge(CniTestData.DefaultOptions, CniTestData.DockerSubnet),
            PortMappings = [new PortMapping { HostPort = 8080, ContainerPort = 80, Protocol = "tcp" }],
            Result = CniTestData.BridgeAddResult(),
            Attachment = NetworkAttachment.FromResult(result, id, $"/run/container-factory/netns/{id}", "eth0", "kanto-cm0", []).Value,
        };
    }
}
