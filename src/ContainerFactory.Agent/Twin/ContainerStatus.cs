namespace ContainerFactory.Agent.Twin;

/// <summary>The <c>state.status</c> values of a Container feature (kanto-protocol §4.1).</summary>
public enum ContainerStatus
{
    /// <summary>Being created (pulling the image).</summary>
    Creating,

    /// <summary>Created, not started.</summary>
    Created,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Stopped by a stop command.</summary>
    Stopped,

    /// <summary>Paused.</summary>
    Paused,

    /// <summary>Exited on its own.</summary>
    Exited,

    /// <summary>Removed.</summary>
    Dead,

    /// <summary>Unknown.</summary>
    Unknown,
}
