using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Containers;

/// <summary>How to start a created container.</summary>
/// <param name="Network">The network connection (bridge or host, ports, hosts entries, files folder).</param>
/// <param name="LogUri">The <c>binary://</c> URI of the log driver for stdout and stderr; empty discards output.</param>
public sealed record ContainerStartOptions(ConnectRequest Network, string LogUri)
{
    /// <summary>Attach a terminal (the spec's <c>process.terminal</c> must agree). Default false.</summary>
    public bool Terminal { get; init; }
}
