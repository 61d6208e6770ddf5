namespace ContainerFactory.Agent.Settings;

/// <summary>containerd settings (PRODUCT.md §3).</summary>
/// <param name="Socket">gRPC unix socket. Default <c>/run/containerd/containerd.sock</c>.</param>
/// <param name="Namespace">containerd namespace. Default <c>kanto-cm</c>.</param>
/// <param name="Snapshotter">Snapshotter. Default <c>overlayfs</c>.</param>
/// <param name="Runtime">Runtime. Default <c>io.containerd.runc.v2</c>.</param>
public sealed record ContainerdSettings(
    string Socket = "/run/containerd/containerd.sock",
    string Namespace = "kanto-cm",
    string Snapshotter = "overlayfs",
    string Runtime = "io.containerd.runc.v2");
