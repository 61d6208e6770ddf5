namespace ContainerFactory.Agent.Mqtt;

/// <summary>How to reach the broker.</summary>
/// <param name="Endpoint">Broker host, port and whether TLS is used.</param>
/// <param name="ClientId">Stable client id: the persistent session is keyed by it.</param>
/// <param name="KeepAlive">MQTT keep-alive (default 20 s in the configuration).</param>
/// <param name="ConnectTimeout">How long one connection attempt may take.</param>
/// <param name="Username">User name; empty for none.</param>
/// <param name="Password">Password of <paramref name="Username"/>.</param>
/// <param name="CaFile">PEM CA file; empty uses the system trust store.</param>
/// <param name="CertFile">PEM client certificate; empty for none.</param>
/// <param name="KeyFile">PEM key of <paramref name="CertFile"/>; empty when the certificate file holds it.</param>
/// <param name="CleanSession">
/// False (default): the persistent session the agent needs. True: a throwaway session the broker forgets on
/// disconnect (<c>container-factory check</c>).
/// </param>
public sealed record MqttTransportOptions(
    BrokerEndpoint Endpoint,
    string ClientId,
    TimeSpan KeepAlive,
    TimeSpan ConnectTimeout,
    string Username = "",
    string Password = "",
    string CaFile = "",
    string CertFile = "",
    string KeyFile = "",
    bool CleanSession = false);
