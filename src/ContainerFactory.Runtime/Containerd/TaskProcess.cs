namespace ContainerFactory.Runtime.Containerd;

/// <summary>A task's init process as Tasks/Get and Tasks/List report it.</summary>
/// <param name="ContainerId">The container id.</param>
/// <param name="Pid">Host pid; 0 once deleted.</param>
/// <param name="Status">Current status.</param>
/// <param name="ExitStatus">Exit status when <see cref="TaskStatus.Stopped"/>; 0 otherwise.</param>
/// <param name="ExitedAt">When it exited; null while it runs.</param>
public sealed record TaskProcess(string ContainerId, uint Pid, TaskStatus Status, uint ExitStatus, DateTimeOffset? ExitedAt);
