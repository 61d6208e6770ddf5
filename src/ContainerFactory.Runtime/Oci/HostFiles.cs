namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// The per-container network files, written on the host before the spec is built and bind-mounted (rprivate) over the
/// image's <c>/etc/resolv.conf</c>, <c>/etc/hostname</c> and <c>/etc/hosts</c>.
/// </summary>
/// <param name="ResolvConfPath">Host path of the container's <c>resolv.conf</c>.</param>
/// <param name="HostnamePath">Host path of the container's <c>hostname</c> file.</param>
/// <param name="HostsPath">Host path of the container's <c>hosts</c> file.</param>
public sealed record HostFiles(string ResolvConfPath, string HostnamePath, string HostsPath);
