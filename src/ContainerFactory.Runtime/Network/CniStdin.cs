using System.Text.Json;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Composes one plugin's stdin from a list the way libcni does: the plugin object plus the list's <c>cniVersion</c> and
/// <c>name</c>, plus <c>prevResult</c> when there is one, plus <c>runtimeConfig</c> holding only the capability
/// arguments the plugin's <c>capabilities</c> enable (and only when there are any). Pure.
/// </summary>
public static class CniStdin
{
    /// <summary>Returns the plugin object with the injected members; see the type's summary.</summary>
    public static CniPluginConfig Compose(
        CniNetworkList list,
        CniPluginConfig plugin,
        JsonElement? prevResult,
        IReadOnlyList<PortMapping> portMappings)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(portMappings);
        bool wantsPorts = plugin.Capabilities?.PortMappings == true && portMappings.Count > 0;
        return plugin with
        {
            CniVersion = list.CniVersion,
            Name = list.Name,
            PrevResult = prevResult,
            RuntimeConfig = wantsPorts ? new CniRuntimeConfig(portMappings) : null,
        };
    }

    /// <summary>The composed plugin object as compact UTF-8 JSON.</summary>
    public static byte[] Serialize(CniPluginConfig composed) =>
        JsonSerializer.SerializeToUtf8Bytes(composed, NetworkJson.Default.CniPluginConfig);
}
