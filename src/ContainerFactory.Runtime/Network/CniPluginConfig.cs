using System.Text.Json;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// One plugin object of a <see cref="CniNetworkList"/>, and — with <see cref="CniVersion"/>, <see cref="Name"/>,
/// <see cref="PrevResult"/> and <see cref="RuntimeConfig"/> filled in by <see cref="CniStdin"/> — the exact stdin the
/// plugin reads. Null members are left out of the JSON. Only the fields of the plugins we chain are modelled.
/// </summary>
public sealed record CniPluginConfig
{
    /// <summary>Injected: the list's CNI version.</summary>
    public string? CniVersion { get; init; }

    /// <summary>Injected: the list's network name.</summary>
    public string? Name { get; init; }

    /// <summary>Plugin binary name under the CNI bin folder: <c>bridge</c>, <c>portmap</c>, <c>loopback</c>.</summary>
    public required string Type { get; init; }

    /// <summary>bridge: the Linux bridge name.</summary>
    public string? Bridge { get; init; }

    /// <summary>bridge: give the bridge the gateway address (and turn on ip_forward).</summary>
    public bool? IsGateway { get; init; }

    /// <summary>bridge: masquerade traffic leaving the subnet (chain <c>CNI-&lt;hash&gt;</c>).</summary>
    public bool? IpMasq { get; init; }

    /// <summary>bridge: let a container reach itself through a host port (hairpin on the veth).</summary>
    public bool? HairpinMode { get; init; }

    /// <summary>bridge: MTU of the bridge and veths.</summary>
    public int? Mtu { get; init; }

    /// <summary>bridge: the IPAM plugin's configuration.</summary>
    public CniIpamConfig? Ipam { get; init; }

    /// <summary>portmap: the capabilities it accepts in <c>runtimeConfig</c>.</summary>
    public CniCapabilities? Capabilities { get; init; }

    /// <summary>portmap: set up the masquerade chains localhost and hairpin traffic need (and route_localnet on the bridge).</summary>
    public bool? Snat { get; init; }

    /// <summary>Injected: the previous plugin's ADD result, or the cached final result on CHECK/DEL.</summary>
    public JsonElement? PrevResult { get; init; }

    /// <summary>Injected: the capability arguments this plugin enables.</summary>
    public CniRuntimeConfig? RuntimeConfig { get; init; }
}
