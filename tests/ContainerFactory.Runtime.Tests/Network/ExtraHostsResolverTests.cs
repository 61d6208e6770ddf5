using System.Net;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class ExtraHostsResolverTests
{
    private static readonly HostInterfaceAddress[] Host =
    [
        new("lo", IPAddress.Loopback, 8),
        new("eth0", IPAddress.Parse("fe80::1"), 64),
        new("eth0", IPAddress.Parse("192.0.2.2"), 24),
        new("eth0", IPAddress.Parse("192.0.2.3"), 24),
        new("kanto-cm0", IPAddress.Parse("172.17.0.1"), 16),
        new("wg0", IPAddress.Parse("fd00::2"), 64),
    ];

    private static readonly Dictionary<string, ContainerPeer[]> Peers = new()
    {
        ["db"] = [new("c-db", "172.17.0.5")],
        ["twins"] = [new("c-t1", "172.17.0.6"), new("c-t2", "172.17.0.7")],
        ["hostnet"] = [new("c-h", null)],
    };

    public static TheoryData<ContainerNetworkMode, string, string> Table => new()
    {
        // mode, entry → "address\tname" or "skipped: reason"
        { ContainerNetworkMode.Bridge, "gw:host_ip", "172.17.0.1\tgw" },
        { ContainerNetworkMode.Bridge, "  lan:host_ip_eth0  ", "192.0.2.2\tlan" },
        { ContainerNetworkMode.Host, "lan:host_ip_eth0", "192.0.2.2\tlan" },
        { ContainerNetworkMode.Bridge, "lb:host_ip_lo", "skipped: interface lo has no non-loopback IPv4 address" },
        { ContainerNetworkMode.Bridge, "vpn:host_ip_wg0", "skipped: interface wg0 has no non-loopback IPv4 address" },
        { ContainerNetworkMode.Bridge, "x:host_ip_nosuch0", "skipped: interface nosuch0 has no non-loopback IPv4 address" },
        { ContainerNetworkMode.Bridge, "x:host_ip_", "skipped: an interface name must follow the reserved host_ip_ prefix, e.g. host_ip_eth0 (or use host_ip for the bridge)" },
        { ContainerNetworkMode.Host, "gw:host_ip", "skipped: host_ip resolves only for containers in bridge network mode" },
        { ContainerNetworkMode.Bridge, "database:container_db", "172.17.0.5\tdatabase" },
        { ContainerNetworkMode.Bridge, "t:container_twins", "skipped: 2 containers have the host name twins; expected exactly one" },
        { ContainerNetworkMode.Bridge, "h:container_hostnet", "skipped: container c-h with host name hostnet is not in bridge network mode; use host_ip instead" },
        { ContainerNetworkMode.Bridge, "n:container_nobody", "skipped: no bridge-connected container has the host name nobody" },
        { ContainerNetworkMode.Host, "database:container_db", "container_db\tdatabase" },
        { ContainerNetworkMode.Bridge, "c:container_", "container_\tc" },
        { ContainerNetworkMode.Bridge, "api.example.com:10.0.0.9", "10.0.0.9\tapi.example.com" },
        { ContainerNetworkMode.Bridge, "anything:goes-verbatim", "goes-verbatim\tanything" },
        { ContainerNetworkMode.Bridge, "a b:10.0.0.9", "skipped: name and address must be non-empty and free of whitespace" },
        { ContainerNetworkMode.Bridge, ":10.0.0.9", "skipped: name and address must be non-empty and free of whitespace" },
        { ContainerNetworkMode.Bridge, "a:10.0.0.9\tevil", "skipped: name and address must be non-empty and free of whitespace" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Resolve_Entry_ResolvesOrSkipsLikeKanto(ContainerNetworkMode mode, string entry, string expected)
    {
        ExtraHostsResolution resolution = ExtraHostsResolver.Resolve([entry], Context(mode)).Value;

        string actual = resolution.Entries.Count == 1
            ? resolution.Entries[0].ToString().TrimEnd('\n')
            : "skipped: " + Assert.Single(resolution.Skipped).Reason;
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData("a:b:c")]
    [InlineData("v6:fd00::1")]
    [InlineData("")]
    public void Resolve_MalformedEntry_FailsTheWholeResolution(string entry)
    {
        RuntimeResult<ExtraHostsResolution> result = ExtraHostsResolver.Resolve(["ok:10.0.0.1", entry], Context(ContainerNetworkMode.Bridge));

        Assert.Equal(new RuntimeError(RuntimeErrorKind.InvalidArgument, $"extra host \"{entry}\" is incorrectly defined: expected <name>:<ip>"), result.Error);
    }

    [Fact]
    public void Resolve_SeveralEntries_KeepsConfigurationOrderAndReportsEachSkip()
    {
        ExtraHostsResolution resolution = ExtraHostsResolver.Resolve(
            ["b:10.0.0.2", "x:host_ip_nosuch0", "a:host_ip", "y:container_nobody"], Context(ContainerNetworkMode.Bridge)).Value;

        Assert.Equal([new HostsEntry("10.0.0.2", "b"), new HostsEntry("172.17.0.1", "a")], resolution.Entries);
        Assert.Equal(["x:host_ip_nosuch0", "y:container_nobody"], resolution.Skipped.Select(s => s.Entry));
    }

    private static ExtraHostsContext Context(ContainerNetworkMode mode) =>
        new(mode, "kanto-cm0", Host, name => Peers.TryGetValue(name, out ContainerPeer[]? peers) ? peers : []);
}
