namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// A container's memory cgroup on this cgroup v1 host: <c>/sys/fs/cgroup/memory/&lt;cgroupsPath&gt;</c>, where the
/// agent's cgroupsPath is <c>/&lt;namespace&gt;/&lt;id&gt;</c>.
/// </summary>
internal static class CgroupMemory
{
    /// <summary>What the kernel shows for a limit of -1 (PAGE_COUNTER_MAX pages of 4 KiB).</summary>
    public const string Unlimited = "9223372036854771712";

    public static string Read(string @namespace, string containerId, string file) =>
        File.ReadAllText(Path.Combine("/sys/fs/cgroup/memory", @namespace, containerId, file)).Trim();
}
