namespace ContainerFactory.Runtime.Network;

/// <summary>One plugin execution: the binary, the <c>CNI_*</c> variables, stdin and a deadline.</summary>
/// <param name="PluginPath">Absolute path of the plugin binary.</param>
/// <param name="Environment">The <c>CNI_*</c> variables; they replace any inherited ones. The rest of the agent's
/// environment is inherited (plugins find <c>iptables</c> through PATH).</param>
/// <param name="Stdin">The network configuration.</param>
/// <param name="Timeout">The process is killed when it passes.</param>
public sealed record CniExecRequest(
    string PluginPath,
    IReadOnlyDictionary<string, string> Environment,
    ReadOnlyMemory<byte> Stdin,
    TimeSpan Timeout);
