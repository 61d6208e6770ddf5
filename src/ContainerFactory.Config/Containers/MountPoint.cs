namespace ContainerFactory.Config.Containers;

/// <summary>A bind mount from the host into the container.</summary>
/// <param name="Source">Host path; non-empty.</param>
/// <param name="Destination">Path inside the container; non-empty.</param>
/// <param name="Propagation">Mount propagation; default <see cref="PropagationMode.RPrivate"/>.</param>
public sealed record MountPoint(string Source, string Destination, PropagationMode Propagation);
