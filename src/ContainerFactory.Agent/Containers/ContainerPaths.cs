namespace ContainerFactory.Agent.Containers;

/// <summary>Where a container's files live (kanto-protocol §5.2 layout): <c>&lt;state&gt;/containers/&lt;id&gt;/</c>.</summary>
/// <param name="StateDir">The agent's state folder (<c>paths.state</c>).</param>
/// <param name="NetnsDir">The folder of pinned network namespaces.</param>
public sealed record ContainerPaths(string StateDir, string NetnsDir)
{
    /// <summary>The default log root: <c>&lt;state&gt;/containers</c>.</summary>
    public string ContainersDir => Path.Combine(StateDir, "containers");

    /// <summary>The folder of one container (hosts, hostname, resolv.conf; json.log unless a log root is set).</summary>
    public string FilesOf(string id) => Path.Combine(ContainersDir, id);

    /// <summary>The network namespace file of a bridge-mode container.</summary>
    public string NetnsOf(string id) => Path.Combine(NetnsDir, id);
}
