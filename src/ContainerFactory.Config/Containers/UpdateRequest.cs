using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Containers;

/// <summary>
/// A decoded Container <c>update</c> value (kanto-protocol §4.3), not yet validated. Each present sub-object
/// replaces the stored one whole; an absent one leaves it unchanged.
/// </summary>
/// <param name="RestartPolicy">The new restart policy (wire form), or null to keep the current one.</param>
/// <param name="Resources">The new resources (wire form), or null to keep the current ones; all-empty clears every limit.</param>
public sealed record UpdateRequest(KantoRestartPolicy? RestartPolicy, KantoResources? Resources);
