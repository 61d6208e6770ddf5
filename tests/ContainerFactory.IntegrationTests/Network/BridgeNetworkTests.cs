using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.IntegrationTests.Network;

/// <summary>
/// Real CNI plugins on a private test bridge (<see cref="NetworkTestBed"/>). Traffic goes only to 127.0.0.1 and to
/// addresses inside namespaces these tests create.
/// </summary>
[Collection(NetworkCollection.Name)]
[Trait("Category", "Network")]
public class BridgeNetworkTests(NetworkTestBed bed)
{
    private static readonly HashSet<string> NoReservations = [];

    [Fact]
    public async Task Connect_BridgeMode_AddressesTheNamespaceFromTheTestSubnetAndWritesFiles()
    {
        ConnectRequest request = Request("cfnet-addr", [], ["gw:host_ip", "db:10.9.8.7", "bad:host_ip_nosuchif0"]);

        RuntimeResult<ContainerNetworkSetup> setup = await bed.Networking.ConnectAsync(request, CancellationToken.None);

        try
        {
            Assert.True(setup.IsSuccess, setup.ToString());
            NetworkAttachment attachment = setup.Value.Attachment!;
            Assert.Equal(bed.Networking.Namespaces.PathOf("cfnet-addr"), setup.Value.NetnsPath);
            Assert.Equal(("eth0", NetworkTestBed.BridgeName, 24, "10.213.0.1"), (attachment.InterfaceName, attachment.Bridge, attachment.PrefixLength, attachment.Gateway));
            Assert.StartsWith("10.213.0.", attachment.IPAddress, StringComparison.Ordinal);
            Assert.Matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$", attachment.MacAddress);
            Assert.Equal([$"eth0 {attachment.IPAddress}/24", "lo 127.0.0.1/8"], AddressesInside(setup.Value.NetnsPath));
            Assert.Equal(["eth0 0.0.0.0/0", "eth0 10.213.0.0/24"], RoutesInside(setup.Value.NetnsPath));
            Assert.Equal(
                "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\n"
                + "ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.213.0.1\tgw\n10.9.8.7\tdb\n"
                + $"{attachment.IPAddress}\tweb.example.test web\n",
                File.ReadAllText(Path.Combine(request.FilesDirectory, "hosts")));
            Assert.Equal("web\n", File.ReadAllText(Path.Combine(request.FilesDirectory, "hostname")));
            Assert.Equal([new ExtraHostIssue("bad:host_ip_nosuchif0", "interface nosuchif0 has no non-loopback IPv4 address")], setup.Value.SkippedExtraHosts);
        }
        finally
        {
            Assert.True((await bed.Networking.DisconnectAsync("cfnet-addr", CancellationToken.None)).IsSuccess);
        }
    }

    [Fact]
    public async Task Disconnect_AfterConnect_LeavesNoVethAddressRuleNamespaceOrCache()
    {
        RuntimeResult<ContainerNetworkSetup> setup = await bed.Networking.ConnectAsync(Request("cfnet-del", [new("tcp", 28080, 0, 80)]), CancellationToken.None);
        Assert.True(setup.IsSuccess, setup.ToString());
        string address = setup.Value.Attachment!.IPAddress;
        Assert.True(File.Exists(bed.IpamFile(address)));
        Assert.Contains("id: \\\"cfnet-del\\\"", HostTool.NatRules(), StringComparison.Ordinal);
        Assert.Contains("veth", HostTool.LinksOnBridge(NetworkTestBed.BridgeName), StringComparison.Ordinal);

        RuntimeResult first = await bed.Networking.DisconnectAsync("cfnet-del", CancellationToken.None);
        RuntimeResult second = await bed.Networking.DisconnectAsync("cfnet-del", CancellationToken.None);

        Assert.True(first.IsSuccess, first.ToString());
        Assert.True(second.IsSuccess, second.ToString());
        Assert.Equal("", HostTool.LinksOnBridge(NetworkTestBed.BridgeName));
        Assert.False(File.Exists(bed.IpamFile(address)));
        Assert.DoesNotContain("cfnet-del", HostTool.NatRules(), StringComparison.Ordinal);
        Assert.DoesNotContain(BridgeMasqueradeChain("cfnet-del"), HostTool.NatRules(), StringComparison.Ordinal);
        Assert.False(File.Exists(bed.Networking.Namespaces.PathOf("cfnet-del")));
        Assert.Null(bed.Networking.Bridge.TryGetAttachment("cfnet-del").Value);
    }

    [Fact]
    public async Task PortMapping_HostIpLoopback_ForwardsToTheListenerInsideTheNamespace()
    {
        int hostPort = FreeHostPort();
        RuntimeResult<ContainerNetworkSetup> setup = await bed.Networking.ConnectAsync(
            Request("cfnet-port", [new("tcp", hostPort, 0, 80, "127.0.0.1")]), CancellationToken.None);
        Assert.True(setup.IsSuccess, setup.ToString());
        try
        {
            using var listener = NamespaceListener.Start(setup.Value.NetnsPath, 80);

            string viaLoopback = await NamespaceListener.FetchAsync(IPAddress.Loopback, hostPort);
            string direct = await NamespaceListener.FetchAsync(IPAddress.Parse(setup.Value.Attachment!.IPAddress), 80);

            // portmap (snat: true) turned route_localnet on for the bridge: without it the kernel drops 127.0.0.1 traffic
            // DNATed out of a non-loopback interface (containerd-notes.md §7 reachability table).
            Assert.Equal("1", File.ReadAllText($"/proc/sys/net/ipv4/conf/{NetworkTestBed.BridgeName}/route_localnet").Trim());
            Assert.Equal(NamespaceListener.Greeting, viaLoopback);
            Assert.Equal(NamespaceListener.Greeting, direct);
            Assert.Equal([new PortMapping { HostPort = hostPort, ContainerPort = 80, Protocol = "tcp", HostIP = "127.0.0.1" }], setup.Value.Attachment.PortMappings);
        }
        finally
        {
            Assert.True((await bed.Networking.DisconnectAsync("cfnet-port", CancellationToken.None)).IsSuccess);
        }

        Assert.DoesNotContain($"--dport {hostPort}", HostTool.NatRules(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortRange_FirstPortHeldByAnotherContainer_ForwardsTheNextPortOfTheRange()
    {
        int first = FreeHostPort();
        HashSet<string> reserved = [HostPortAllocator.Key("tcp", first)];
        ConnectRequest request = Request("cfnet-range", [new("tcp", first, first + 2, 8080, "127.0.0.1")]) with { ReservedHostPorts = reserved };
        RuntimeResult<ContainerNetworkSetup> setup = await bed.Networking.ConnectAsync(request, CancellationToken.None);
        Assert.True(setup.IsSuccess, setup.ToString());
        try
        {
            using var listener = NamespaceListener.Start(setup.Value.NetnsPath, 8080);

            Assert.Equal([first + 1], setup.Value.Attachment!.PortMappings.Select(m => m.HostPort));
            Assert.Equal(NamespaceListener.Greeting, await NamespaceListener.FetchAsync(IPAddress.Loopback, first + 1));
            Assert.Equal(nameof(SocketError.ConnectionRefused), await NamespaceListener.FetchAsync(IPAddress.Loopback, first + 2));
        }
        finally
        {
            Assert.True((await bed.Networking.DisconnectAsync("cfnet-range", CancellationToken.None)).IsSuccess);
        }
    }

    [Fact]
    public async Task Connect_Twice_ReturnsTheCachedAttachmentAndCheckPasses()
    {
        RuntimeResult<ContainerNetworkSetup> first = await bed.Networking.ConnectAsync(Request("cfnet-twice", []), CancellationToken.None);
        RuntimeResult<ContainerNetworkSetup> second = await bed.Networking.ConnectAsync(Request("cfnet-twice", []), CancellationToken.None);
        try
        {
            Assert.True(first.IsSuccess, first.ToString());
            Assert.True(second.IsSuccess, second.ToString());
            Assert.Equal(Json(first.Value.Attachment!), Json(second.Value.Attachment!));
            Assert.Single(HostTool.LinksOnBridge(NetworkTestBed.BridgeName).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            RuntimeResult check = await bed.Networking.Bridge.CheckAsync("cfnet-twice", CancellationToken.None);
            Assert.True(check.IsSuccess, check.ToString());
        }
        finally
        {
            Assert.True((await bed.Networking.DisconnectAsync("cfnet-twice", CancellationToken.None)).IsSuccess);
        }
    }

    [Fact]
    public async Task TwoContainers_OnTheBridge_ReachEachOther()
    {
        RuntimeResult<ContainerNetworkSetup> server = await bed.Networking.ConnectAsync(Request("cfnet-icc-a", []), CancellationToken.None);
        RuntimeResult<ContainerNetworkSetup> client = await bed.Networking.ConnectAsync(
            Request("cfnet-icc-b", [], ["peer:container_web"]) with { FindPeers = name => name == "web" ? [new ContainerPeer("cfnet-icc-a", server.Value.Attachment!.IPAddress)] : [] },
            CancellationToken.None);
        try
        {
            Assert.True(server.IsSuccess, server.ToString());
            Assert.True(client.IsSuccess, client.ToString());
            string serverAddress = server.Value.Attachment!.IPAddress;
            Assert.Contains($"{serverAddress}\tpeer\n", client.Value.Files.Hosts, StringComparison.Ordinal);
            using var listener = NamespaceListener.Start(server.Value.NetnsPath, 7000);

            string answer = await NamespaceListener.FetchFromAsync(client.Value.NetnsPath, IPAddress.Parse(serverAddress), 7000);

            Assert.Equal(NamespaceListener.Greeting, answer);
        }
        finally
        {
            Assert.True((await bed.Networking.DisconnectAsync("cfnet-icc-a", CancellationToken.None)).IsSuccess);
            Assert.True((await bed.Networking.DisconnectAsync("cfnet-icc-b", CancellationToken.None)).IsSuccess);
        }
    }

    [Fact]
    public void Invoke_ActionThrows_RethrowsOnTheCallerAndMissingNamespaceIsAnError()
    {
        Assert.Throws<InvalidOperationException>(() => NetworkNamespace.Invoke<int>("/proc/self/ns/net", () => throw new InvalidOperationException("boom")));

        RuntimeResult<int> missing = NetworkNamespace.Invoke("/nonexistent/netns", () => 1);

        Assert.Equal(RuntimeErrorKind.Internal, missing.Error!.Kind);
        Assert.StartsWith("cannot open network namespace /nonexistent/netns: ", missing.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnect_NeverConnected_Succeeds()
    {
        RuntimeResult result = await bed.Networking.DisconnectAsync("cfnet-never", CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
    }

    [Fact]
    public async Task Connect_HostMode_CreatesNoNamespaceAndCopiesTheHostResolvConf()
    {
        ConnectRequest request = Request("cfnet-host", []) with { Mode = ContainerNetworkMode.Host };

        RuntimeResult<ContainerNetworkSetup> setup = await bed.Networking.ConnectAsync(request, CancellationToken.None);

        Assert.True(setup.IsSuccess, setup.ToString());
        Assert.Equal(("", null), (setup.Value.NetnsPath, setup.Value.Attachment));
        Assert.False(File.Exists(bed.Networking.Namespaces.PathOf("cfnet-host")));
        Assert.Equal(File.ReadAllText("/etc/resolv.conf"), File.ReadAllText(Path.Combine(request.FilesDirectory, "resolv.conf")));
        Assert.Equal(File.ReadAllText("/etc/hosts"), File.ReadAllText(Path.Combine(request.FilesDirectory, "hosts")));
    }

    [Fact]
    public void Namespaces_CreateTwiceThenDeleteTwice_IsIdempotent()
    {
        NetworkNamespaces namespaces = bed.Networking.Namespaces;

        RuntimeResult<string> created = namespaces.TryCreate("cfnet-ns");
        RuntimeResult<string> again = namespaces.TryCreate("cfnet-ns");
        bool pinned = NetworkNamespace.IsNetworkNamespace(created.Value);
        RuntimeResult deleted = namespaces.TryDelete("cfnet-ns");
        RuntimeResult deletedAgain = namespaces.TryDelete("cfnet-ns");

        Assert.Equal(namespaces.PathOf("cfnet-ns"), created.Value);
        Assert.Equal(created.Value, again.Value);
        Assert.True(pinned);
        Assert.True(deleted.IsSuccess, deleted.ToString());
        Assert.True(deletedAgain.IsSuccess, deletedAgain.ToString());
        Assert.False(File.Exists(created.Value));
        Assert.False(NetworkNamespace.IsNetworkNamespace("/etc/hostname"));
    }

    private ConnectRequest Request(string id, IReadOnlyList<PortBinding> ports, IReadOnlyList<string>? extraHosts = null) => new(
        id,
        ContainerNetworkMode.Bridge,
        "web",
        "example.test",
        extraHosts ?? [],
        ports,
        NoReservations,
        Path.Combine(bed.Root, "files", id),
        _ => []);

    private static string Json(NetworkAttachment attachment) => System.Text.Json.JsonSerializer.Serialize(attachment, NetworkJson.Default.NetworkAttachment);

    private static List<string> RoutesInside(string netnsPath)
    {
        // /proc/thread-self/net shows the calling thread's namespace (/proc/self/net the main thread's).
        RuntimeResult<IReadOnlyList<HostRoute>> routes = NetworkNamespace.Invoke(
            netnsPath, () => HostNetworkProbe.TryReadRoutes("/proc/thread-self/net/route").Value);
        Assert.True(routes.IsSuccess, routes.ToString());
        return [.. routes.Value.Select(r => $"{r.Interface} {r.Destination}").Order(StringComparer.Ordinal)];
    }

    private static List<string> AddressesInside(string netnsPath)
    {
        RuntimeResult<List<string>> addresses = NetworkNamespace.Invoke(netnsPath, () => NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses
                .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
                .Select(a => $"{nic.Name} {a.Address}/{a.PrefixLength}"))
            .Order(StringComparer.Ordinal)
            .ToList());
        Assert.True(addresses.IsSuccess, addresses.ToString());
        return addresses.Value;
    }

    // bridge's masquerade chain: "CNI-" + hex(sha512(network name + container id)), cut to 28 characters.
    private static string BridgeMasqueradeChain(string containerId) =>
        ("CNI-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(System.Text.Encoding.UTF8.GetBytes(NetworkTestBed.NetworkName + containerId))))[..28];

    private static int FreeHostPort()
    {
        // Let the kernel pick a free loopback port, release it and use it (and the two after it) as host ports.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return Math.Min(((IPEndPoint)probe.LocalEndPoint!).Port, 60000);
    }
}
