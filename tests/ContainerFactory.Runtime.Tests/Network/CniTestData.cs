using System.Text.Json;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

/// <summary>The golden CNI vectors under testdata/cni.</summary>
internal static class CniTestData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "testdata", "cni", .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(PathOf(parts));

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(PathOf(parts));

    /// <summary>The bridge plugin 1.1.1 ADD output captured on the test bridge.</summary>
    public static JsonElement BridgeAddResult()
    {
        using JsonDocument document = JsonDocument.Parse(Bytes("results", "bridge-add.json"));
        return document.RootElement.Clone();
    }

    /// <summary>The default settings with a fixed state folder, as the goldens were made.</summary>
    public static NetworkOptions DefaultOptions { get; } = new();

    /// <summary>Kanto's usual outcome: 172.17.0.0/16 with gateway 172.17.0.1.</summary>
    public static BridgeSubnet DockerSubnet { get; } = new(SubnetChoice.DefaultPools[0], SubnetChoice.DefaultPools[0].FirstHost, SubnetSource.DefaultPool);
}
