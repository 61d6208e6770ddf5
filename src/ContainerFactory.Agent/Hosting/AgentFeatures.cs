using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Identity;

namespace ContainerFactory.Agent.Hosting;

/// <summary>What the host needs from the features: command execution, container lookup and twin re-publishing.</summary>
/// <param name="Execute">Executes one accepted command.</param>
/// <param name="ContainerExists">Whether commands for <c>Container:&lt;id&gt;</c> are routed: the container exists, or containerd's containers are not read yet (answered 503).</param>
/// <param name="PublishTwinAsync">Publishes every feature from the real state; called after each (re)connect and identity change.</param>
public sealed record AgentFeatures(
    Func<AgentCommand, CancellationToken, Task<CommandOutcome>> Execute,
    Func<string, bool> ContainerExists,
    Func<ThingIdentity, CancellationToken, Task> PublishTwinAsync);
