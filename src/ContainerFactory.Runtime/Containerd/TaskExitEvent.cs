namespace ContainerFactory.Runtime.Containerd;

/// <summary>A process of a task exited (<c>/tasks/exit</c>).</summary>
/// <param name="ContainerId">The container.</param>
/// <param name="ProcessId">Equal to <paramref name="ContainerId"/> for the init process, the exec id for an exec.</param>
/// <param name="Pid">Host pid.</param>
/// <param name="ExitStatus">Exit status (137 after SIGKILL).</param>
/// <param name="ExitedAt">When it exited.</param>
public sealed record TaskExitEvent(string ContainerId, string ProcessId, uint Pid, uint ExitStatus, DateTimeOffset? ExitedAt)
{
    /// <summary>True for the task's init process (restart policies only look at these).</summary>
    public bool IsInit => ProcessId == ContainerId;
}
