namespace ContainerFactory.Runtime.Containerd;

/// <summary>One event envelope from containerd's event stream (any namespace: the subscription is not namespace-scoped).</summary>
/// <param name="Timestamp">When containerd published it; null when unset.</param>
/// <param name="Namespace">The namespace it happened in.</param>
/// <param name="Topic">e.g. <c>/tasks/exit</c>.</param>
/// <param name="TypeUrl">The payload's bare type URL, e.g. <c>containerd.events.TaskExit</c>.</param>
/// <param name="Payload">The protobuf payload; decode with <see cref="TaskEvents"/>.</param>
public sealed record ContainerdEvent(DateTimeOffset? Timestamp, string Namespace, string Topic, string TypeUrl, ReadOnlyMemory<byte> Payload);
