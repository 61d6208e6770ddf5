namespace ContainerFactory.Config.Containers;

/// <summary>A validated stop request.</summary>
/// <param name="Force">Kill with SIGKILL when the timeout passes.</param>
/// <param name="TimeoutSeconds">Seconds to wait, ≥ 0; 0 = the agent's default stop timeout.</param>
/// <param name="Signal">Linux signal number, 1–255; default 15 (SIGTERM).</param>
public sealed record StopOptions(bool Force, long TimeoutSeconds, int Signal);
