using ContainerFactory.Agent.Cli;
using ContainerFactory.Agent.Settings;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Registry;

namespace ContainerFactory.Agent.Composition;

/// <summary>Builds the Runtime's option records from the agent's settings (file + flags). Pure.</summary>
public static class RuntimeComposition
{
    /// <summary>Socket, namespace, snapshotter and runtime from <c>containerd</c>; the Runtime's defaults for the rest.</summary>
    public static ContainerdOptions Containerd(AgentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var containerd = settings.Containerd;
        return new ContainerdOptions
        {
            Socket = containerd.Socket,
            Namespace = containerd.Namespace,
            Snapshotter = containerd.Snapshotter,
            Runtime = containerd.Runtime,
        };
    }

    /// <summary>
    /// One <see cref="RegistryHostOptions"/> per key of <c>registries</c> (mirrors in order, plain HTTP, credentials;
    /// an empty username or password means none); User-Agent <c>container-factory/&lt;version&gt;</c>.
    /// </summary>
    public static RegistryClientOptions Registries(AgentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hosts = settings.Registries.ToDictionary(
            r => r.Key,
            r => new RegistryHostOptions(r.Value.Mirrors, r.Value.PlainHttp, NullIfEmpty(r.Value.Username), NullIfEmpty(r.Value.Password)),
            StringComparer.Ordinal);
        return new RegistryClientOptions { Hosts = hosts, UserAgent = $"container-factory/{VersionCommand.Version}" };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
