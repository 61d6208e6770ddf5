using ContainerFactory.Agent.Settings;

namespace ContainerFactory.Agent.Tests.Settings;

public class SettingsValidationTests
{
    public static TheoryData<AgentSettings, string?> Cases() => new()
    {
        { new AgentSettings(), null },
        { new AgentSettings { Mqtt = new MqttSettings { Broker = "mqtts://broker:8883" } }, null },
        { new AgentSettings { Mqtt = new MqttSettings { Broker = "http://x" } }, "mqtt.broker: http://x is not a broker URL (tcp://host:port, mqtts://host:port, …)" },
        { new AgentSettings { Mqtt = new MqttSettings { Broker = "localhost:1883" } }, "mqtt.broker: localhost:1883 is not a broker URL (tcp://host:port, mqtts://host:port, …)" },
        { new AgentSettings { Mqtt = new MqttSettings { KeepAlive = "20x" } }, "mqtt.keepAlive: invalid duration 20x (e.g. 20s, 1m)" },
        { new AgentSettings { Mqtt = new MqttSettings { KeepAlive = "0s" } }, "mqtt.keepAlive: invalid duration 0s (e.g. 20s, 1m)" },
        { new AgentSettings { Mqtt = new MqttSettings { KeyFile = "/k.pem" } }, "mqtt.keyFile: set mqtt.certFile as well" },
        { new AgentSettings { Identity = new IdentitySettings { DeviceId = "nocolon" } }, "identity.deviceId: nocolon must be namespace:name" },
        { new AgentSettings { Identity = new IdentitySettings { ThingId = "nocolon" } }, "identity.thingId: nocolon must be namespace:name" },
        { new AgentSettings { Containerd = new ContainerdSettings { Namespace = "" } }, "containerd.socket and containerd.namespace must not be empty" },
        {
            new AgentSettings { Registries = new Dictionary<string, RegistrySettings> { ["docker.io"] = new() { Mirrors = ["127.0.0.1:5000"] } } },
            "registries[\"docker.io\"].mirrors: 127.0.0.1:5000 is not an http:// or https:// URL"
        },
        { new AgentSettings { Log = new LogSettings { Level = "verbose" } }, "log.level: verbose is not one of debug, info, warn, error" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Table(AgentSettings settings, string? expected) => Assert.Equal(expected, SettingsValidation.Validate(settings));

    [Theory]
    [InlineData("20s", 20_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("45", 45_000)]
    public void Durations_TryParse_Valid(string text, long milliseconds)
    {
        Assert.True(Durations.TryParse(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("10d")]
    [InlineData("10s5")]
    [InlineData("-5")]
    public void Durations_TryParse_Invalid(string? text) => Assert.False(Durations.TryParse(text, out _));
}
