namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// The cgroup folders of a containerd namespace (cgroupsPath <c>/&lt;namespace&gt;/&lt;id&gt;</c> under every controller):
/// runc removes a container's folder when its task is deleted, nobody removes the namespace's.
/// </summary>
internal static class NamespaceCgroups
{
    /// <summary>Removes the namespace's (empty) cgroup folders under every controller; folders still in use stay.</summary>
    public static void Remove(string @namespace)
    {
        foreach (string controller in Directory.GetDirectories("/sys/fs/cgroup"))
        {
            string root = Path.Combine(controller, @namespace);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (string dir in Directory.GetDirectories(root).Append(root))
            {
                try
                {
                    Directory.Delete(dir); // rmdir: a cgroup folder goes when it has no process and no child
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // still in use or already gone
                }
            }
        }
    }
}
