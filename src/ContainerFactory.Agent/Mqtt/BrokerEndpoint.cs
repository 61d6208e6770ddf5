namespace ContainerFactory.Agent.Mqtt;

/// <summary>A broker address parsed from the configuration's URL (PRODUCT.md §2.1).</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port (default 1883 plain, 8883 TLS).</param>
/// <param name="UseTls">True for <c>mqtts://</c>, <c>ssl://</c>, <c>tls://</c>, <c>tcps://</c>, <c>mqtt+ssl://</c>.</param>
public sealed record BrokerEndpoint(string Host, int Port, bool UseTls)
{
    /// <summary>Parses <paramref name="url"/>; false for anything that is not an MQTT broker URL. Never throws.</summary>
    public static bool TryParse(string? url, out BrokerEndpoint endpoint)
    {
        endpoint = new BrokerEndpoint("localhost", 1883, false);
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
        {
            return false;
        }

        bool? tls = uri.Scheme switch
        {
            "tcp" or "mqtt" => false,
            "mqtts" or "ssl" or "tls" or "tcps" or "mqtt+ssl" => true,
            _ => null,
        };
        if (tls is null)
        {
            return false;
        }

        int port = uri.IsDefaultPort || uri.Port <= 0 ? (tls.Value ? 8883 : 1883) : uri.Port;
        endpoint = new BrokerEndpoint(uri.Host, port, tls.Value);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{(UseTls ? "mqtts" : "tcp")}://{Host}:{Port}";
}
