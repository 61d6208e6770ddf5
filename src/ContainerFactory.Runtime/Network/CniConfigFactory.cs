using System.Text.Json;

namespace ContainerFactory.Runtime.Network;

/// <summary>Builds the CNI configuration lists of the bridge network. Pure.</summary>
public static class CniConfigFactory
{
    /// <summary>The CNI spec version sent to every plugin.</summary>
    public const string CniVersion = "1.0.0";

    /// <summary>Network name of the loopback list (it seeds nothing; libcni users call it <c>cni-loopback</c>).</summary>
    public const string LoopbackNetworkName = "cni-loopback";

    /// <summary>
    /// The container network: <c>bridge</c> (Kanto's bridge: gateway address on the bridge, masquerade on, hairpin on so
    /// a container reaches itself through a host port, MTU; ICC is on because the bridge plugin isolates nothing) with
    /// <c>host-local</c> IPAM (one range = <paramref name="subnet"/>, default route via the gateway, data under
    /// <see cref="NetworkOptions.IpamDataDir"/>), then <c>portmap</c> (capability <c>portMappings</c>, SNAT so that
    /// 127.0.0.1 and hairpin connections work).
    /// </summary>
    public static CniNetworkList Bridge(NetworkOptions options, BridgeSubnet subnet)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(subnet);
        var ipam = new CniIpamConfig
        {
            Type = "host-local",
            Ranges = [[new CniIpamRange(subnet.Subnet.ToString(), subnet.Gateway.ToString())]],
            Routes = [new CniRoute("0.0.0.0/0")],
            DataDir = options.IpamDataDir,
        };
        return new CniNetworkList
        {
            CniVersion = CniVersion,
            Name = options.NetworkName,
            Plugins =
            [
                new CniPluginConfig
                {
                    Type = "bridge",
                    Bridge = options.BridgeName,
                    IsGateway = true,
                    IpMasq = true,
                    HairpinMode = true,
                    Mtu = options.Mtu,
                    Ipam = ipam,
                },
                new CniPluginConfig { Type = "portmap", Capabilities = new CniCapabilities(true), Snat = true },
            ],
        };
    }

    /// <summary>The loopback list, run on <c>lo</c> inside the container's namespace (brings lo up with 127.0.0.1/8, ::1/128).</summary>
    public static CniNetworkList Loopback() => new()
    {
        CniVersion = CniVersion,
        Name = LoopbackNetworkName,
        Plugins = [new CniPluginConfig { Type = "loopback" }],
    };

    /// <summary>The list as a <c>.conflist</c> document: camelCase, nulls omitted, two-space indented, <c>\n</c> line ends.</summary>
    public static string ToConflistJson(CniNetworkList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return JsonSerializer.Serialize(list, IndentedJson.CniNetworkList);
    }

    private static readonly NetworkJson IndentedJson = new(new JsonSerializerOptions(NetworkJson.Default.Options)
    {
        WriteIndented = true,
        NewLine = "\n",
    });
}
