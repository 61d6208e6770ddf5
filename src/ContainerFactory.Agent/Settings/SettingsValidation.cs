namespace ContainerFactory.Agent.Settings;

/// <summary>Checks the merged settings; returns the first problem naming the key, or null. Pure.</summary>
public static class SettingsValidation
{
    private static readonly string[] BrokerSchemes = ["tcp", "mqtt", "mqtts", "ssl", "tls", "tcps"];

    /// <summary>The first problem found, e.g. <c>mqtt.keepAlive: invalid duration 20x</c>; null when all is well.</summary>
    public static string? Validate(AgentSettings s)
    {
        if (!Uri.TryCreate(s.Mqtt.Broker, UriKind.Absolute, out Uri? broker) || !BrokerSchemes.Contains(broker.Scheme))
        {
            return $"mqtt.broker: {s.Mqtt.Broker} is not a broker URL (tcp://host:port, mqtts://host:port, …)";
        }

        if (!Durations.TryParse(s.Mqtt.KeepAlive, out TimeSpan keepAlive) || keepAlive <= TimeSpan.Zero)
        {
            return $"mqtt.keepAlive: invalid duration {s.Mqtt.KeepAlive} (e.g. 20s, 1m)";
        }

        if (s.Mqtt.KeyFile.Length > 0 && s.Mqtt.CertFile.Length == 0)
        {
            return "mqtt.keyFile: set mqtt.certFile as well";
        }

        if (s.Identity.DeviceId.Length > 0 && !s.Identity.DeviceId.Contains(':', StringComparison.Ordinal))
        {
            return $"identity.deviceId: {s.Identity.DeviceId} must be namespace:name";
        }

        if (s.Identity.ThingId.Length > 0 && !s.Identity.ThingId.Contains(':', StringComparison.Ordinal))
        {
            return $"identity.thingId: {s.Identity.ThingId} must be namespace:name";
        }

        if (s.Containerd.Socket.Length == 0 || s.Containerd.Namespace.Length == 0)
        {
            return "containerd.socket and containerd.namespace must not be empty";
        }

        foreach ((string host, RegistrySettings registry) in s.Registries)
        {
            foreach (string mirror in registry.Mirrors)
            {
                if (!Uri.TryCreate(mirror, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
                {
                    return $"registries[\"{host}\"].mirrors: {mirror} is not an http:// or https:// URL";
                }
            }
        }

        return s.Log.Level is "debug" or "info" or "warn" or "error"
            ? null
            : $"log.level: {s.Log.Level} is not one of debug, info, warn, error";
    }
}
