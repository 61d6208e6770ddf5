namespace ContainerFactory.Agent.Settings;

/// <summary>containerd settings (PRODUCT.md §3).</summary>
public sealed record ContainerdSettings
{
    /// <summary>gRPC unix socket. Default <c>/run/containerd/containerd.sock</c>.</summary>
    public string Socket { get; init; } = "/run/containerd/containerd.sock";

    /// <summary>containerd namespace. Default <c>kanto-cm</c>.</summary>
    public string Namespace { get; init; } = "kanto-cm";

    /// <summary>Snapshotter. Default <c>overlayfs</c>.</summary>
    public string Snapshotter { get; init; } = "overlayfs";

    /// <summary>Runtime. Default <c>io.containerd.runc.v2</c>.</summary>
    public string Runtime { get; init; } = "io.containerd.runc.v2";
}
