using System.Diagnostics.CodeAnalysis;

namespace ContainerFactory.Config.Containers;

/// <summary>The Linux capabilities (<c>linux/capability.h</c>, CAP_CHOWN = 0 … CAP_CHECKPOINT_RESTORE = 40).</summary>
public static class LinuxCapabilities
{
    /// <summary>All 41 capability names in kernel number order, canonical form <c>CAP_*</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
        "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
        "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
        "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
        "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
        "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    /// <summary>Maps a capability name, with or without <c>CAP_</c> and in any case, to its canonical <c>CAP_*</c> form. Never throws.</summary>
    /// <param name="name">E.g. <c>NET_ADMIN</c>, <c>cap_net_admin</c>.</param>
    /// <param name="canonical">E.g. <c>CAP_NET_ADMIN</c> when the result is true; null otherwise.</param>
    public static bool TryNormalize(string? name, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var bare = name.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? name.AsSpan(4) : name.AsSpan();
        foreach (var candidate in All)
        {
            if (candidate.AsSpan(4).Equals(bare, StringComparison.OrdinalIgnoreCase))
            {
                canonical = candidate;
                return true;
            }
        }

        return false;
    }
}
