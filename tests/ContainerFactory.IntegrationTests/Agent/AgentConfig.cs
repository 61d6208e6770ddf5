using System.Text.Json;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The agent's configuration file for one test (PRODUCT.md §4): its own broker, containerd namespace, test bridge and
/// subnet (never kanto-cm0), state and run folders; docker.io served by the test registry.
/// </summary>
internal sealed record AgentConfig
{
    public required string Broker { get; init; }

    /// <summary>Empty: the agent derives it (from the thing id, else the machine id).</summary>
    public string ClientId { get; init; } = "";

    /// <summary>Empty together with <see cref="DeviceId"/>: the identity comes from the handshake.</summary>
    public string ThingId { get; init; } = "";

    public string DeviceId { get; init; } = "";

    public string TenantId { get; init; } = "";

    public required string ContainerdSocket { get; init; }

    public required string Namespace { get; init; }

    /// <summary>The docker.io mirror, <c>http://127.0.0.1:PORT</c>.</summary>
    public required string DockerMirror { get; init; }

    public required string Bridge { get; init; }

    public required string Subnet { get; init; }

    public required string StateDir { get; init; }

    public required string RunDir { get; init; }

    public string LogLevel { get; init; } = "debug";

    /// <summary>Writes the file and returns its path.</summary>
    public string WriteTo(string file)
    {
        using var stream = File.Create(file);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("mqtt");
        w.WriteString("broker", Broker);
        WriteIfSet(w, "clientId", ClientId);
        w.WriteEndObject();
        if (ThingId.Length + DeviceId.Length + TenantId.Length > 0)
        {
            w.WriteStartObject("identity");
            WriteIfSet(w, "thingId", ThingId);
            WriteIfSet(w, "deviceId", DeviceId);
            WriteIfSet(w, "tenantId", TenantId);
            w.WriteEndObject();
        }

        w.WriteStartObject("containerd");
        w.WriteString("socket", ContainerdSocket);
        w.WriteString("namespace", Namespace);
        w.WriteEndObject();
        w.WriteStartObject("registries");
        w.WriteStartObject("docker.io");
        w.WriteStartArray("mirrors");
        w.WriteStringValue(DockerMirror);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("network");
        w.WriteString("bridge", Bridge);
        w.WriteString("subnet", Subnet);
        w.WriteEndObject();
        w.WriteStartObject("paths");
        w.WriteString("state", StateDir);
        w.WriteString("run", RunDir);
        w.WriteEndObject();
        w.WriteStartObject("log");
        w.WriteString("level", LogLevel);
        w.WriteEndObject();
        w.WriteEndObject();
        return file;
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string value)
    {
        if (value.Length > 0)
        {
            w.WriteString(name, value);
        }
    }
}
