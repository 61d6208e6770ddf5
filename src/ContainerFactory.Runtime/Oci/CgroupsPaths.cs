namespace ContainerFactory.Runtime.Oci;

/// <summary>The two cgroups path forms Kanto uses for a container (kanto-protocol §7.1).</summary>
public static class CgroupsPaths
{
    /// <summary>cgroupfs driver: <c>/&lt;namespace&gt;/&lt;id&gt;</c>, e.g. <c>/kanto-cm/c0</c> (also ctr's default).</summary>
    /// <param name="containerdNamespace">Non-empty containerd namespace.</param>
    /// <param name="id">Non-empty container id.</param>
    public static string Cgroupfs(string containerdNamespace, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerdNamespace);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return $"/{containerdNamespace}/{id}";
    }

    /// <summary>systemd driver (runc <c>SystemdCgroup</c>): <c>system.slice:&lt;namespace&gt;:&lt;id&gt;</c>.</summary>
    /// <param name="containerdNamespace">Non-empty containerd namespace.</param>
    /// <param name="id">Non-empty container id.</param>
    public static string Systemd(string containerdNamespace, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerdNamespace);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return $"system.slice:{containerdNamespace}:{id}";
    }
}
