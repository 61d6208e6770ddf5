namespace ContainerFactory.Runtime.Containerd;

/// <summary>How a task ended (Tasks/Wait, Tasks/Delete).</summary>
/// <param name="Pid">The process's pid; 0 when not reported (Wait).</param>
/// <param name="ExitStatus">Exit status; 128 + signal for a killed process (137 = SIGKILL).</param>
/// <param name="ExitedAt">When it exited; null when not reported.</param>
public sealed record TaskExit(uint Pid, uint ExitStatus, DateTimeOffset? ExitedAt);
