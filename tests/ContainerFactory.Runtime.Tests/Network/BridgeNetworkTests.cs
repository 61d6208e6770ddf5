using ContainerFactory.Runtime.Network;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.Runtime.Tests.Network;

/// <summary>
/// The orchestration over a recording fake runner. <c>/proc/self/ns/net</c> stands in for a pinned namespace (it is
/// one); no plugin really runs.
/// </summary>
public sealed class BridgeNetworkTests : IDisposable
{
    private const string Netns = "/proc/self/ns/net";
    private readonly string _state = Directory.CreateTempSubdirectory("cf-bridge-").FullName;
    private readonly FakeCniRunner _runner = new();
    private readonly BridgeNetwork _network;

    public BridgeNetworkTests()
    {
        var options = new NetworkOptions { BridgeName = "cfunit0", NetworkName = "cfunit", Subnet = "10.213.0.0/24", StateDir = _state };
        _network = new BridgeNetwork(options, _runner, NullLogger.Instance);
    }

    [Fact]
    public async Task AttachAsync_NewContainer_RunsLoopbackThenBridgeListAndCachesTheAttachment()
    {
        AttachRequest request = Request("c1", new PortBinding("tcp", 8080, 8081, 80)) with { ReservedHostPorts = new HashSet<string> { "tcp/8080" } };

        RuntimeResult<NetworkAttachment> attached = await _network.AttachAsync(request, CancellationToken.None);

        Assert.True(attached.IsSuccess, attached.ToString());
        Assert.Equal(["loopback ADD lo", "bridge ADD eth0", "portmap ADD eth0"], _runner.Calls);
        Assert.Equal("10.213.0.0/24", _runner.StdinOf(1).GetProperty("ipam").GetProperty("ranges")[0][0].GetProperty("subnet").GetString());
        Assert.Equal(("c1", Netns, "cfunit0", "10.213.0.2", "10.213.0.1"), (attached.Value.ContainerId, attached.Value.NetnsPath, attached.Value.Bridge, attached.Value.IPAddress, attached.Value.Gateway));
        Assert.Equal([8081], attached.Value.PortMappings.Select(p => p.HostPort));
        Assert.Equal("10.213.0.2", _network.TryGetAttachment("c1").Value!.IPAddress);
    }

    [Fact]
    public async Task AttachAsync_AlreadyAttached_ReturnsTheCachedAttachmentWithoutRunningPlugins()
    {
        NetworkAttachment first = (await _network.AttachAsync(Request("c1"), CancellationToken.None)).Value;
        _runner.Requests.Clear();

        NetworkAttachment second = (await _network.AttachAsync(Request("c1"), CancellationToken.None)).Value;

        Assert.Empty(_runner.Requests);
        Assert.Equal(first.IPAddress, second.IPAddress);
    }

    [Fact]
    public async Task AttachAsync_CachedForAnotherNamespace_DetachesTheStaleOneFirst()
    {
        RuntimeResult<NetworkAttachment> stale = await _network.AttachAsync(Request("c1") with { NetnsPath = "/proc/thread-self/ns/net" }, CancellationToken.None);
        Assert.True(stale.IsSuccess, stale.ToString());
        _runner.Requests.Clear();

        RuntimeResult<NetworkAttachment> attached = await _network.AttachAsync(Request("c1"), CancellationToken.None);

        Assert.Equal(Netns, attached.Value.NetnsPath);
        Assert.Equal(["portmap DEL eth0", "bridge DEL eth0", "loopback DEL lo", "loopback ADD lo", "bridge ADD eth0", "portmap ADD eth0"], _runner.Calls);
        Assert.Equal("/proc/thread-self/ns/net", _runner.Requests[0].Environment["CNI_NETNS"]);
    }

    [Fact]
    public async Task AttachAsync_PortmapFails_UndoesTheBridgeAddAndCachesNothing()
    {
        _runner.Outcomes["portmap/ADD"] = FakeCniRunner.Error(999, "iptables failed");

        RuntimeResult<NetworkAttachment> attached = await _network.AttachAsync(Request("c1", new PortBinding("tcp", 8080, 0, 80)), CancellationToken.None);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.Internal, "cni plugin portmap ADD failed: code 999: iptables failed"), attached.Error);
        Assert.Equal(["loopback ADD lo", "bridge ADD eth0", "portmap ADD eth0", "portmap DEL eth0", "bridge DEL eth0"], _runner.Calls);
        Assert.Null(_network.TryGetAttachment("c1").Value);
    }

    [Theory]
    [InlineData("../etc", Netns, RuntimeErrorKind.InvalidArgument)]
    [InlineData("", Netns, RuntimeErrorKind.InvalidArgument)]
    [InlineData("c1", "/etc/hostname", RuntimeErrorKind.FailedPrecondition)]
    [InlineData("c1", "/nonexistent/netns", RuntimeErrorKind.FailedPrecondition)]
    public async Task AttachAsync_BadIdOrNamespace_FailsWithoutRunningPlugins(string id, string netns, RuntimeErrorKind kind)
    {
        RuntimeResult<NetworkAttachment> attached = await _network.AttachAsync(Request(id) with { NetnsPath = netns }, CancellationToken.None);

        Assert.Equal(kind, attached.Error!.Kind);
        Assert.Empty(_runner.Requests);
    }

    [Fact]
    public async Task AttachAsync_HostPortTaken_FailsWithAlreadyExistsBeforeAnyPlugin()
    {
        AttachRequest request = Request("c1", new PortBinding("tcp", 8080, 0, 80)) with { ReservedHostPorts = new HashSet<string> { "tcp/8080" } };

        RuntimeResult<NetworkAttachment> attached = await _network.AttachAsync(request, CancellationToken.None);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.AlreadyExists, "host port tcp/8080 is already allocated"), attached.Error);
        Assert.Empty(_runner.Requests);
    }

    [Fact]
    public async Task AttachAsync_PortForwardedToAnotherContainer_FailsWithAlreadyExistsUntilThatOneDetaches()
    {
        Assert.True((await _network.AttachAsync(Request("c1", new PortBinding("tcp", 8080, 0, 80)), CancellationToken.None)).IsSuccess);
        _runner.Requests.Clear();

        RuntimeResult<NetworkAttachment> refused = await _network.AttachAsync(Request("c2", new PortBinding("tcp", 8080, 0, 80)), CancellationToken.None);
        Assert.True((await _network.DetachAsync("c1", Netns, CancellationToken.None)).IsSuccess);
        RuntimeResult<NetworkAttachment> attached = await _network.AttachAsync(Request("c2", new PortBinding("tcp", 8080, 0, 80)), CancellationToken.None);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.AlreadyExists, "host port tcp/8080 is already allocated"), refused.Error);
        Assert.True(attached.IsSuccess, attached.ToString());
        Assert.Equal([8080], attached.Value.PortMappings.Select(p => p.HostPort));
    }

    [Fact]
    public async Task AttachAsync_StateLockedByAnotherProcess_RunsNoPluginUntilTheLockIsFree()
    {
        string lockFile = Path.Combine(_state, "cni", "lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var other = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        Task<RuntimeResult<NetworkAttachment>> attaching = _network.AttachAsync(Request("c1"), CancellationToken.None);
        await Task.Delay(100);
        int callsWhileLocked = _runner.Requests.Count;
        await other.DisposeAsync();
        RuntimeResult<NetworkAttachment> attached = await attaching.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, callsWhileLocked);
        Assert.True(attached.IsSuccess, attached.ToString());
        Assert.Equal(["loopback ADD lo", "bridge ADD eth0", "portmap ADD eth0"], _runner.Calls);
    }

    [Fact]
    public async Task AttachAsync_RangesAndEphemeralPorts_EachContainerGetsTheNextFreeOne()
    {
        NetworkAttachment first = (await _network.AttachAsync(Request("c1", new PortBinding("tcp", 8000, 8010, 80), new PortBinding("tcp", 0, 0, 81)), CancellationToken.None)).Value;
        NetworkAttachment second = (await _network.AttachAsync(Request("c2", new PortBinding("tcp", 8000, 8010, 80), new PortBinding("tcp", 0, 0, 81)), CancellationToken.None)).Value;
        NetworkAttachment again = (await _network.AttachAsync(Request("c1", new PortBinding("tcp", 8000, 8010, 80), new PortBinding("tcp", 0, 0, 81)), CancellationToken.None)).Value;

        Assert.Equal([8000, 49153], first.PortMappings.Select(p => p.HostPort));
        Assert.Equal([8001, 49154], second.PortMappings.Select(p => p.HostPort));
        Assert.Equal([8000, 49153], again.PortMappings.Select(p => p.HostPort));
    }

    [Fact]
    public async Task DetachAsync_Attached_DeletesInReverseWithTheCachedResultThenLoopbackAndDropsTheCache()
    {
        Assert.True((await _network.AttachAsync(Request("c1", new PortBinding("tcp", 8080, 0, 80)), CancellationToken.None)).IsSuccess);
        _runner.Requests.Clear();

        RuntimeResult detached = await _network.DetachAsync("c1", Netns, CancellationToken.None);

        Assert.True(detached.IsSuccess, detached.ToString());
        Assert.Equal(["portmap DEL eth0", "bridge DEL eth0", "loopback DEL lo"], _runner.Calls);
        Assert.Equal("10.213.0.2/24", _runner.StdinOf(1).GetProperty("prevResult").GetProperty("ips")[0].GetProperty("address").GetString());
        Assert.Equal(8080, _runner.StdinOf(0).GetProperty("runtimeConfig").GetProperty("portMappings")[0].GetProperty("hostPort").GetInt32());
        Assert.Null(_network.TryGetAttachment("c1").Value);
    }

    [Fact]
    public async Task DetachAsync_NothingCachedAndNamespaceGone_SucceedsWithoutRunningPlugins()
    {
        RuntimeResult detached = await _network.DetachAsync("c1", "/nonexistent/netns", CancellationToken.None);

        Assert.True(detached.IsSuccess, detached.ToString());
        Assert.Empty(_runner.Requests);
    }

    [Fact]
    public async Task DetachAsync_NothingCachedButNamespaceAlive_DeletesWithTheCurrentListAndNoPrevResult()
    {
        RuntimeResult detached = await _network.DetachAsync("c1", Netns, CancellationToken.None);

        Assert.True(detached.IsSuccess, detached.ToString());
        Assert.Equal(["portmap DEL eth0", "bridge DEL eth0", "loopback DEL lo"], _runner.Calls);
        Assert.Equal("cfunit0", _runner.StdinOf(1).GetProperty("bridge").GetString());
        Assert.All([0, 1, 2], i => Assert.False(_runner.StdinOf(i).TryGetProperty("prevResult", out _)));
    }

    [Fact]
    public async Task DetachAsync_CachedButNamespaceGone_DeletesWithEmptyNetnsAndTheCachedResult()
    {
        RuntimeResult<NetworkAttachment> attached = await _network.AttachAsync(Request("c1") with { NetnsPath = "/proc/thread-self/ns/net" }, CancellationToken.None);
        Assert.True(attached.IsSuccess, attached.ToString());
        _runner.Requests.Clear();

        RuntimeResult detached = await _network.DetachAsync("c1", "/nonexistent/netns", CancellationToken.None);

        Assert.True(detached.IsSuccess, detached.ToString());
        Assert.Equal(["portmap DEL eth0", "bridge DEL eth0"], _runner.Calls);
        Assert.All(_runner.Requests, r => Assert.Equal("", r.Environment["CNI_NETNS"]));
        Assert.True(_runner.StdinOf(1).TryGetProperty("prevResult", out _));
        Assert.Null(_network.TryGetAttachment("c1").Value);
    }

    [Fact]
    public async Task DetachAsync_PluginFails_KeepsTheCacheForARetry()
    {
        Assert.True((await _network.AttachAsync(Request("c1"), CancellationToken.None)).IsSuccess);
        _runner.Outcomes["bridge/DEL"] = FakeCniRunner.Error(11, "busy");

        RuntimeResult detached = await _network.DetachAsync("c1", Netns, CancellationToken.None);

        Assert.Equal(RuntimeErrorKind.Unavailable, detached.Error!.Kind);
        Assert.NotNull(_network.TryGetAttachment("c1").Value);
    }

    [Fact]
    public async Task CheckAsync_Attached_ChecksTheBridgeOnlyWithTheCachedResult()
    {
        Assert.True((await _network.AttachAsync(Request("c1"), CancellationToken.None)).IsSuccess);
        _runner.Requests.Clear();

        RuntimeResult checkedResult = await _network.CheckAsync("c1", CancellationToken.None);

        Assert.True(checkedResult.IsSuccess, checkedResult.ToString());
        Assert.Equal(["bridge CHECK eth0"], _runner.Calls);
        Assert.True(_runner.StdinOf(0).TryGetProperty("prevResult", out _));
    }

    [Fact]
    public async Task CheckAsync_NotAttached_FailsWithNotFound()
    {
        RuntimeResult checkedResult = await _network.CheckAsync("c1", CancellationToken.None);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.NotFound, "container c1 is not attached to the bridge network"), checkedResult.Error);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private static AttachRequest Request(string id, params PortBinding[] ports) =>
        new(id, Netns, ports, new HashSet<string>());
}
