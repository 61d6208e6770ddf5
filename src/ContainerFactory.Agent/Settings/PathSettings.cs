namespace ContainerFactory.Agent.Settings;

/// <summary>Folders of the agent's own state.</summary>
/// <param name="State">Persistent state (logs, hosts files). Default <c>/var/lib/container-factory</c>.</param>
/// <param name="Run">Runtime state (FIFOs). Default <c>/run/container-factory</c>.</param>
public sealed record PathSettings(
    string State = "/var/lib/container-factory",
    string Run = "/run/container-factory");
