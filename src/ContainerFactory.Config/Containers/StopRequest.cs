namespace ContainerFactory.Config.Containers;

/// <summary>A decoded <c>stopWithOptions</c> value (kanto-protocol §4.3), not yet validated.</summary>
/// <param name="Force">Kill with SIGKILL when the timeout passes; default false.</param>
/// <param name="TimeoutSeconds">Seconds to wait for the exit; 0 = the agent's default; negative is a validation issue.</param>
/// <param name="Signal">Signal name (<c>SIGINT</c>) or number as a string (<c>"2"</c>); "" = SIGTERM.</param>
public sealed record StopRequest(bool Force, long TimeoutSeconds, string Signal);
