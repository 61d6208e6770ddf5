namespace ContainerFactory.Config.Containers;

/// <summary>A validated Container <c>update</c>: each non-null member replaces the stored value whole.</summary>
/// <param name="RestartPolicy">The new restart policy, or null to keep the current one.</param>
/// <param name="Resources">The new limits (no swap default is derived on update), or null to keep the current ones.</param>
public sealed record ContainerUpdate(RestartPolicy? RestartPolicy, Resources? Resources);
