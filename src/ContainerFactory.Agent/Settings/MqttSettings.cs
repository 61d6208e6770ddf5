namespace ContainerFactory.Agent.Settings;

/// <summary>MQTT connection settings.</summary>
public sealed record MqttSettings
{
    /// <summary>Broker URL: <c>tcp://</c> or <c>mqtt://</c> plain, <c>mqtts://</c>, <c>ssl://</c>, <c>tls://</c> TLS. Default <c>tcp://localhost:1883</c>.</summary>
    public string Broker { get; init; } = "tcp://localhost:1883";

    /// <summary>User name; empty (default) for none.</summary>
    public string Username { get; init; } = "";

    /// <summary>Password; used only with a user name. Default empty.</summary>
    public string Password { get; init; } = "";

    /// <summary>PEM file of the CA that signs the broker's certificate; empty (default) uses the system store.</summary>
    public string CaFile { get; init; } = "";

    /// <summary>PEM client certificate for mutual TLS; empty (default) for none.</summary>
    public string CertFile { get; init; } = "";

    /// <summary>PEM private key of <see cref="CertFile"/>; empty (default) for none.</summary>
    public string KeyFile { get; init; } = "";

    /// <summary>Keep-alive as a duration such as <c>20s</c> or <c>1m</c>. Default <c>20s</c>.</summary>
    public string KeepAlive { get; init; } = "20s";

    /// <summary>MQTT client id; empty (default) derives a stable one from the thing id, so the persistent session survives restarts.</summary>
    public string ClientId { get; init; } = "";
}
