namespace ContainerFactory.Config.Containers;

/// <summary>Transport protocol of a port mapping (kanto-protocol §3.4 <c>portMappings[].proto</c>).</summary>
public enum PortProtocol
{
    /// <summary><c>tcp</c>, the default.</summary>
    Tcp,

    /// <summary><c>udp</c>.</summary>
    Udp,
}
