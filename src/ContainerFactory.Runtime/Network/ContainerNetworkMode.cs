namespace ContainerFactory.Runtime.Network;

/// <summary>How a container is networked (Kanto's <c>networkMode</c>).</summary>
public enum ContainerNetworkMode
{
    /// <summary>Its own namespace with a veth on the bridge (default).</summary>
    Bridge,

    /// <summary>The host's namespace: no netns, no CNI, the host's resolv.conf.</summary>
    Host,
}
