namespace ContainerFactory.Runtime.Containerd;

/// <summary>containerd's Tasks service (a container's running process) for the current namespace.</summary>
public interface ITaskService
{
    /// <summary>Creates the task (state <see cref="TaskStatus.Created"/>: runc init waits, the netns exists); returns its pid.</summary>
    Task<RuntimeResult<uint>> CreateAsync(TaskCreateOptions options, CancellationToken cancellationToken = default);

    /// <summary>Starts a created task; returns its pid.</summary>
    Task<RuntimeResult<uint>> StartAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>Sends a signal to the init process (or, with <paramref name="all"/>, every process of the task).</summary>
    Task<RuntimeResult> KillAsync(string containerId, uint signal, bool all = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stopped task; <see cref="RuntimeErrorKind.FailedPrecondition"/> while it is created or running.</summary>
    Task<RuntimeResult<TaskExit>> DeleteAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>The task's init process; <see cref="RuntimeErrorKind.NotFound"/> when the container has no task.</summary>
    Task<RuntimeResult<TaskProcess>> GetAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>Every task of the namespace (used to reconcile after reconnecting).</summary>
    Task<RuntimeResult<IReadOnlyList<TaskProcess>>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Waits until the init process exits. No deadline: it lasts as long as the process; cancel to stop waiting.</summary>
    Task<RuntimeResult<TaskExit>> WaitAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>Freezes the task.</summary>
    Task<RuntimeResult> PauseAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>Thaws the task.</summary>
    Task<RuntimeResult> ResumeAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies cgroup limits to the running (or paused) task: <paramref name="linuxResources"/> is runtime-spec
    /// <c>LinuxResources</c> JSON; members it leaves out keep their current value (runc update semantics).
    /// <see cref="RuntimeErrorKind.NotFound"/> when the container has no task.
    /// </summary>
    Task<RuntimeResult> UpdateAsync(string containerId, ReadOnlyMemory<byte> linuxResources, CancellationToken cancellationToken = default);
}
