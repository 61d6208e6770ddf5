namespace ContainerFactory.Agent.Settings;

/// <summary>MQTT connection settings.</summary>
/// <param name="Broker">Broker URL: <c>tcp://</c> or <c>mqtt://</c> plain, <c>mqtts://</c>, <c>ssl://</c>, <c>tls://</c> TLS. Default <c>tcp://localhost:1883</c>.</param>
/// <param name="Username">User name; empty (default) for none.</param>
/// <param name="Password">Password; used only with a user name. Default empty.</param>
/// <param name="CaFile">PEM file of the CA that signs the broker's certificate; empty (default) uses the system store.</param>
/// <param name="CertFile">PEM client certificate for mutual TLS; empty (default) for none.</param>
/// <param name="KeyFile">PEM private key of <paramref name="CertFile"/>; empty (default) for none.</param>
/// <param name="KeepAlive">Keep-alive as a duration such as <c>20s</c> or <c>1m</c>. Default <c>20s</c>.</param>
/// <param name="ClientId">MQTT client id; empty (default) derives a stable one from the thing id, so the persistent session survives restarts.</param>
public sealed record MqttSettings(
    string Broker = "tcp://localhost:1883",
    string Username = "",
    string Password = "",
    string CaFile = "",
    string CertFile = "",
    string KeyFile = "",
    string KeepAlive = "20s",
    string ClientId = "");
