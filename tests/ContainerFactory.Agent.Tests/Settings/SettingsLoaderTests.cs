using System.Text;
using ContainerFactory.Agent.Settings;

namespace ContainerFactory.Agent.Tests.Settings;

public class SettingsLoaderTests
{
    private static (bool Ok, AgentSettings Settings, string? Error) Parse(string json)
    {
        bool ok = SettingsLoader.TryParse(Encoding.UTF8.GetBytes(json), out AgentSettings settings, out string? error);
        return (ok, settings, error);
    }

    [Fact]
    public void TryParse_ProductExample_ReadsEveryKey()
    {
        (bool ok, AgentSettings s, string? error) = Parse("""
            {
              "mqtt":       { "broker": "tcp://localhost:1883", "username": "u", "password": "p",
                              "caFile": "/ca.pem", "certFile": "/c.pem", "keyFile": "/k.pem", "keepAlive": "20s", "clientId": "cid" },
              "identity":   { "deviceId": "edge:device", "tenantId": "t1", "thingId": "edge:device" },
              "containerd": { "socket": "/run/containerd/containerd.sock", "namespace": "kanto-cm",
                              "snapshotter": "overlayfs", "runtime": "io.containerd.runc.v2" },
              "registries": { "docker.io": { "mirrors": ["http://127.0.0.1:5000"], "plainHttp": false,
                                             "username": "", "password": "" } },
              "network":    { "bridge": "kanto-cm0", "subnet": "", "cniBinDir": "/usr/lib/cni" },
              "paths":      { "state": "/var/lib/container-factory", "run": "/run/container-factory" },
              "log":        { "level": "info" }
            }
            """);

        Assert.True(ok, error);
        Assert.Equal(new MqttSettings { Username = "u", Password = "p", CaFile = "/ca.pem", CertFile = "/c.pem", KeyFile = "/k.pem", ClientId = "cid" }, s.Mqtt);
        Assert.Equal(new IdentitySettings { DeviceId = "edge:device", TenantId = "t1", ThingId = "edge:device" }, s.Identity);
        Assert.Equal(new ContainerdSettings(), s.Containerd);
        Assert.Equal(["http://127.0.0.1:5000"], s.Registries["docker.io"].Mirrors);
        Assert.Equal(new NetworkSettings(), s.Network);
        Assert.Equal(new PathSettings(), s.Paths);
        Assert.Equal("info", s.Log.Level);
    }

    [Fact]
    public void TryParse_EmptyObject_GivesDefaults()
    {
        (bool ok, AgentSettings s, _) = Parse("{}");

        Assert.True(ok);
        Assert.Equal("tcp://localhost:1883", s.Mqtt.Broker);
        Assert.Equal("20s", s.Mqtt.KeepAlive);
        Assert.Equal("/run/containerd/containerd.sock", s.Containerd.Socket);
        Assert.Equal("kanto-cm", s.Containerd.Namespace);
        Assert.Equal("overlayfs", s.Containerd.Snapshotter);
        Assert.Equal("io.containerd.runc.v2", s.Containerd.Runtime);
        Assert.Equal("kanto-cm0", s.Network.Bridge);
        Assert.Equal("/usr/lib/cni", s.Network.CniBinDir);
        Assert.Equal("/var/lib/container-factory", s.Paths.State);
        Assert.Empty(s.Registries);
    }

    [Theory]
    [InlineData("{\"mqtt\":{\"brokr\":\"x\"}}", "unknown key mqtt.brokr")]
    [InlineData("{\"mqt\":{}}", "unknown key mqt")]
    [InlineData("{\"registries\":{\"docker.io\":{\"mirror\":[]}}}", "unknown key registries['docker.io'].mirror")]
    [InlineData("{\"mqtt\":{\"broker\":5}}", "mqtt.broker has a value of the wrong type (line 1, column 20)")]
    [InlineData("{\"registries\":{\"docker.io\":{\"plainHttp\":\"yes\"}}}", "registries['docker.io'].plainHttp has a value of the wrong type (line 1, column 46)")]
    [InlineData("{\"mqtt\":{\"broker\":\"x\",}}", "not valid JSON (line 1, column 23)")]
    [InlineData("{\"Mqtt\":{}}", "unknown key Mqtt")]
    public void TryParse_BadFile_NamesTheKey(string json, string expected)
    {
        (bool ok, _, string? error) = Parse(json);

        Assert.False(ok);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryLoad_FlagsOverrideTheFile()
    {
        string file = Path.Combine(Path.GetTempPath(), $"cf-settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\"mqtt\":{\"broker\":\"tcp://file:1883\"},\"containerd\":{\"namespace\":\"from-file\",\"socket\":\"/file.sock\"}}");
        try
        {
            Assert.True(GlobalOptions.TryExtract(
                ["--config", file, "--namespace=from-flag", "--thing-id", "a:b", "positional"], out GlobalOptions options, out string[] rest, out _));
            Assert.Equal(["positional"], rest);

            Assert.True(SettingsLoader.TryLoad(options, out AgentSettings s, out string? error), error);

            Assert.Equal("tcp://file:1883", s.Mqtt.Broker);
            Assert.Equal("/file.sock", s.Containerd.Socket);
            Assert.Equal("from-flag", s.Containerd.Namespace);
            Assert.Equal("a:b", s.Identity.ThingId);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TryLoad_MissingFile_SaysWhich()
    {
        var options = new GlobalOptions { ConfigFile = "/nonexistent/cf.json" };

        Assert.False(SettingsLoader.TryLoad(options, out _, out string? error));
        Assert.StartsWith("cannot read config file /nonexistent/cf.json: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryExtract_FlagWithoutValue_Fails()
    {
        Assert.False(GlobalOptions.TryExtract(["--broker"], out _, out _, out string? error));
        Assert.Equal("--broker needs a value", error);
    }
}
