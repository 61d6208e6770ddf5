namespace ContainerFactory.Runtime.Containerd;

/// <summary>A task's status (containerd.v1.types.Status, same numbers).</summary>
public enum TaskStatus
{
    /// <summary>Unknown.</summary>
    Unknown = 0,

    /// <summary>Created, not started (runc init waiting; the netns exists).</summary>
    Created = 1,

    /// <summary>Running.</summary>
    Running = 2,

    /// <summary>Exited; not yet deleted.</summary>
    Stopped = 3,

    /// <summary>Frozen.</summary>
    Paused = 4,

    /// <summary>Being frozen.</summary>
    Pausing = 5,
}
