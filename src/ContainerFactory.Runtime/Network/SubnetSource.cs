namespace ContainerFactory.Runtime.Network;

/// <summary>Which rule of <see cref="SubnetChoice.Choose"/> produced a <see cref="BridgeSubnet"/>.</summary>
public enum SubnetSource
{
    /// <summary>The bridge already exists with an IPv4 address: its subnet, and the address as gateway (Kanto's rule).</summary>
    Bridge,

    /// <summary>The <c>network.subnet</c> setting; gateway = first host address.</summary>
    Configured,

    /// <summary>The first of Docker's local default pools that no host route overlaps; gateway = first host address.</summary>
    DefaultPool,
}
