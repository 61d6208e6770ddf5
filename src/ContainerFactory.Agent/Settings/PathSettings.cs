namespace ContainerFactory.Agent.Settings;

/// <summary>Folders of the agent's own state.</summary>
public sealed record PathSettings
{
    /// <summary>Persistent state (logs, hosts files). Default <c>/var/lib/container-factory</c>.</summary>
    public string State { get; init; } = "/var/lib/container-factory";

    /// <summary>Runtime state (FIFOs). Default <c>/run/container-factory</c>.</summary>
    public string Run { get; init; } = "/run/container-factory";
}
