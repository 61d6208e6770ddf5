using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Commands;

/// <summary>An operation on an existing <c>Container:&lt;id&gt;</c> feature, value kept raw until the operation decodes it.</summary>
/// <param name="Reply">Where and how to answer (outbox path of the operation).</param>
/// <param name="ContainerId">The container id taken from the feature id.</param>
/// <param name="Operation">The operation name, e.g. <c>stop</c>.</param>
/// <param name="ValueKind">The JSON kind of the value.</param>
/// <param name="Value">The raw JSON value (empty when absent).</param>
public sealed record ContainerOperationCommand(
    ReplyContext Reply, string ContainerId, string Operation, DittoValueKind ValueKind, ReadOnlyMemory<byte> Value)
    : AgentCommand(Reply);
