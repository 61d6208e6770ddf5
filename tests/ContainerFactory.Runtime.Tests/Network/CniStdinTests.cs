using System.Text;
using System.Text.Json;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class CniStdinTests
{
    private static readonly CniNetworkList Bridge = CniConfigFactory.Bridge(CniTestData.DefaultOptions, CniTestData.DockerSubnet);

    private static readonly IReadOnlyList<PortMapping> Ports =
    [
        new PortMapping { HostPort = 18080, ContainerPort = 80, Protocol = "tcp" },
        new PortMapping { HostPort = 18081, ContainerPort = 80, Protocol = "tcp", HostIP = "127.0.0.1" },
    ];

    [Fact]
    public void Compose_FirstPluginWithPorts_InjectsNameAndVersionButNoPrevResultOrRuntimeConfig()
    {
        byte[] stdin = CniStdin.Serialize(CniStdin.Compose(Bridge, Bridge.Plugins[0], null, Ports));

        Assert.Equal(CniTestData.Text("stdin", "bridge-add.json").TrimEnd('\n'), Encoding.UTF8.GetString(stdin));
    }

    [Fact]
    public void Compose_PortmapAfterBridge_InjectsPrevResultAndPortMappings()
    {
        byte[] stdin = CniStdin.Serialize(CniStdin.Compose(Bridge, Bridge.Plugins[1], CniTestData.BridgeAddResult(), Ports));

        Assert.Equal(CniTestData.Text("stdin", "portmap-add.json").TrimEnd('\n'), Encoding.UTF8.GetString(stdin));
    }

    [Fact]
    public void Compose_PortmapWithoutPorts_LeavesRuntimeConfigOut()
    {
        CniPluginConfig composed = CniStdin.Compose(Bridge, Bridge.Plugins[1], null, []);

        using JsonDocument json = JsonDocument.Parse(CniStdin.Serialize(composed));
        Assert.Equal(
            ["cniVersion", "name", "type", "capabilities", "snat"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
