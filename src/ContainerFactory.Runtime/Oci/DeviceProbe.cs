using System.Runtime.InteropServices;

namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// The I/O edge that reads device facts from the host (via <c>statx</c>) for <see cref="SpecOpts.WithDevices"/> and
/// <see cref="SpecOpts.WithPrivileged"/>. Every I/O failure becomes a <see cref="RuntimeError"/>; nothing throws.
/// </summary>
public static class DeviceProbe
{
    // Directories of /dev containerd (and runc) skip when collecting the host's devices.
    private static readonly string[] SkippedDirectories = ["pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev"];

    /// <summary>Reads one character or block device node; a symlink (e.g. <c>/dev/serial/by-id/…</c>) is followed.</summary>
    /// <param name="path">Absolute host path.</param>
    /// <returns>
    /// The node (its <see cref="DeviceNode.Path"/> = <paramref name="path"/>); <see cref="RuntimeErrorKind.NotFound"/>
    /// when nothing is there, <see cref="RuntimeErrorKind.InvalidArgument"/> when it is not a device node.
    /// </returns>
    public static RuntimeResult<DeviceNode> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var errno = Statx.Stat(path, followSymlinks: true, out var stat);
        if (errno != 0)
        {
            return StatError(path, errno);
        }

        return ToNode(path, stat) is { } node
            ? node
            : new RuntimeError(RuntimeErrorKind.InvalidArgument, $"error gathering device information for \"{path}\": not a device node");
    }

    /// <summary>
    /// A Kanto device mapping: one node, or every device node below a directory (recursively, symlinks inside not
    /// followed), each mapped to <paramref name="pathInContainer"/> plus its path relative to the directory.
    /// </summary>
    /// <param name="pathOnHost">Absolute host path of a node or a directory; a symlink is followed.</param>
    /// <param name="pathInContainer">Absolute path in the container.</param>
    /// <param name="permissions">Cgroup permissions for every node, e.g. <c>rwm</c>.</param>
    /// <returns>The rules, at least one; an error when the path is missing, unreadable, or holds no device.</returns>
    public static RuntimeResult<IReadOnlyList<DeviceRule>> ReadMapping(string pathOnHost, string pathInContainer, string permissions)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOnHost);
        ArgumentException.ThrowIfNullOrEmpty(pathInContainer);
        var errno = Statx.Stat(pathOnHost, followSymlinks: true, out var stat);
        if (errno != 0)
        {
            return StatError(pathOnHost, errno);
        }

        if (ToNode(pathOnHost, stat) is { } node)
        {
            return new[] { new DeviceRule(node, pathInContainer, permissions) };
        }

        if ((stat.Mode & Statx.TypeMask) == Statx.Directory)
        {
            var walked = Walk(pathOnHost, skipHostDirectories: false);
            if (!walked.TryGetValue(out var nodes, out var error))
            {
                return error;
            }

            if (nodes.Count > 0)
            {
                return nodes.Select(n => new DeviceRule(n, Path.Join(pathInContainer, Path.GetRelativePath(pathOnHost, n.Path)), permissions)).ToArray();
            }
        }

        return new RuntimeError(RuntimeErrorKind.InvalidArgument,
            $"error gathering device information while adding custom device \"{pathOnHost}\": not a device node");
    }

    /// <summary>
    /// Every character and block device under <paramref name="root"/>, as containerd's <c>HostDevices</c>: recursive,
    /// sorted by name per directory; skips the pts, shm, fd, mqueue, .lxc, .lxd-mounts and .udev directories,
    /// <c>console</c>, symlinks, fifos and other non-devices.
    /// </summary>
    /// <param name="root">Directory to walk; default <c>/dev</c>.</param>
    /// <returns>The nodes; <see cref="RuntimeErrorKind.NotFound"/> when <paramref name="root"/> does not exist.</returns>
    public static RuntimeResult<IReadOnlyList<DeviceNode>> ReadHostDevices(string root = "/dev")
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var errno = Statx.Stat(root, followSymlinks: true, out _);
        return errno == 0 ? Walk(root, skipHostDirectories: true) : StatError(root, errno);
    }

    private static RuntimeResult<IReadOnlyList<DeviceNode>> Walk(string directory, bool skipHostDirectories)
    {
        var found = new List<DeviceNode>();
        var error = WalkInto(directory, skipHostDirectories, found);
        return error is null ? found : error;
    }

    // Depth first, entries in ordinal name order, subdirectories where they sort (like containerd's recursion).
    private static RuntimeError? WalkInto(string directory, bool skipHostDirectories, List<DeviceNode> found)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot list devices in \"{directory}\": {e.Message}");
        }

        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            var errno = Statx.Stat(entry, followSymlinks: false, out var stat);
            if (errno is Statx.NoEntry)
            {
                continue; // removed while walking
            }

            if (errno != 0)
            {
                return StatError(entry, errno);
            }

            if ((stat.Mode & Statx.TypeMask) == Statx.Directory)
            {
                var skipped = skipHostDirectories && SkippedDirectories.Contains(name);
                if (!skipped && WalkInto(entry, skipHostDirectories, found) is { } error)
                {
                    return error;
                }
            }
            else if (!(skipHostDirectories && name == "console") && ToNode(entry, stat) is { } node)
            {
                found.Add(node);
            }
        }

        return null;
    }

    private static DeviceNode? ToNode(string path, in Statx.Buffer stat)
    {
        var type = (stat.Mode & Statx.TypeMask) switch
        {
            Statx.CharDevice => DeviceType.Char,
            Statx.BlockDevice => DeviceType.Block,
            _ => (DeviceType?)null,
        };
        return type is null
            ? null
            : new DeviceNode(path, type.Value, stat.RdevMajor, stat.RdevMinor, stat.Mode & 0xFFFu, stat.Uid, stat.Gid);
    }

    private static RuntimeError StatError(string path, int errno) => errno is Statx.NoEntry or Statx.NotDirectory
        ? new RuntimeError(RuntimeErrorKind.NotFound, $"device \"{path}\" not found")
        : new RuntimeError(RuntimeErrorKind.Internal, $"cannot stat \"{path}\": {Marshal.GetPInvokeErrorMessage(errno)}");
}
