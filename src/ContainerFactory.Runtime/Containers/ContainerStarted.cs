namespace ContainerFactory.Runtime.Containers;

/// <summary>A started container: its init process and, in bridge mode, its address on the bridge.</summary>
/// <param name="Pid">The init process id on the host.</param>
/// <param name="Address">The IPv4 address on the bridge; null in host mode.</param>
public sealed record ContainerStarted(uint Pid, string? Address);
