namespace ContainerFactory.Agent.Commands;

/// <summary>What the command reader needs to know about the agent.</summary>
/// <param name="ThingId">The thing this agent serves, e.g. <c>edge:device:edge:containers</c>.</param>
/// <param name="ContainerExists">Whether a container with the given id exists (routes <c>Container:&lt;id&gt;</c>).</param>
/// <param name="NewId">Makes a fresh UUID v4 string (container ids, correlation ids of replies to requests without one).</param>
public sealed record InboundContext(string ThingId, Func<string, bool> ContainerExists, Func<string> NewId);
