namespace ContainerFactory.Config.Containers;

/// <summary>How a container is attached to the network (kanto-protocol §3.4 <c>networkMode</c>).</summary>
public enum NetworkMode
{
    /// <summary>A veth on the container bridge with an address from its subnet; the default.</summary>
    Bridge,

    /// <summary>The host's network namespace; port mappings and <c>host_ip</c> extra hosts are not allowed.</summary>
    Host,
}
