namespace ContainerFactory.Runtime.Containerd;

/// <summary>Input of Tasks/Create.</summary>
/// <param name="ContainerId">The container record's id.</param>
/// <param name="Rootfs">The container snapshot's mounts (Snapshots/Mounts), unchanged.</param>
public sealed record TaskCreateOptions(string ContainerId, IReadOnlyList<Mount> Rootfs)
{
    /// <summary>stdin fifo path; empty for none.</summary>
    public string Stdin { get; init; } = "";

    /// <summary>stdout: a fifo path, <c>binary:///abs/path?k=v</c> or <c>file:///abs/path</c>; empty discards output.</summary>
    public string Stdout { get; init; } = "";

    /// <summary>stderr, same forms as <see cref="Stdout"/> (the shim only looks at stdout's scheme).</summary>
    public string Stderr { get; init; } = "";

    /// <summary>Allocate a pseudo terminal. Default false.</summary>
    public bool Terminal { get; init; }
}
