using ContainerFactory.Config.Containers;

namespace ContainerFactory.Agent.Commands;

/// <summary>ContainerFactory <c>create</c> / <c>createWithConfig</c> with every default applied and the config validated.</summary>
/// <param name="Reply">Where and how to answer (outbox path of the operation).</param>
/// <param name="Operation">The operation name, <c>create</c> or <c>createWithConfig</c>.</param>
/// <param name="ContainerId">The new container's id (UUID v4), chosen before defaults so that name/host derive from it.</param>
/// <param name="ImageRef">The image reference as given (non-empty).</param>
/// <param name="Start">Whether to start the container after creating it.</param>
/// <param name="Config">The container config with every default of spec §3.5 applied.</param>
/// <param name="Request">The request value as received (kept with the container; rebuilds <paramref name="Config"/>).</param>
public sealed record CreateContainerCommand(
    ReplyContext Reply, string Operation, string ContainerId, string ImageRef, bool Start, ContainerConfig Config, ReadOnlyMemory<byte> Request)
    : AgentCommand(Reply);
