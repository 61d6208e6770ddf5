namespace ContainerFactory.Runtime.Containerd;

/// <summary>How to reach containerd and which of its objects to use. Immutable; every member has a default.</summary>
public sealed record ContainerdOptions
{
    /// <summary>Path of containerd's gRPC unix socket. Default <c>/run/containerd/containerd.sock</c>.</summary>
    public string Socket { get; init; } = "/run/containerd/containerd.sock";

    /// <summary>containerd namespace sent as <c>containerd-namespace</c> on every namespaced call. Default <c>kanto-cm</c>.</summary>
    public string Namespace { get; init; } = "kanto-cm";

    /// <summary>Snapshotter for image layers and container root filesystems. Default <c>overlayfs</c>.</summary>
    public string Snapshotter { get; init; } = "overlayfs";

    /// <summary>Runtime (shim) name for new containers. Default <c>io.containerd.runc.v2</c>.</summary>
    public string Runtime { get; init; } = "io.containerd.runc.v2";

    /// <summary>
    /// Deadline of every unary call (Info, Create, Prepare, Tasks/Create…). Default 30 s; must be positive.
    /// A call that outlives it fails with <see cref="RuntimeErrorKind.DeadlineExceeded"/>.
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Deadline of calls that move or unpack a whole blob: Content/Write, Content/Read and Diff/Apply.
    /// Default 1 h; must be positive.
    /// </summary>
    public TimeSpan TransferTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Largest message accepted from containerd. Default 16 MiB (containerd's own limit).</summary>
    public int MaxReceiveMessageSize { get; init; } = 16 * 1024 * 1024;
}
