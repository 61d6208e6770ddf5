using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Containers;

/// <summary>
/// Reads small files (such as <c>/etc/passwd</c>) of a prepared snapshot without mounting it: a bind mount is its
/// source folder; an overlay is searched upper layer first, then each lower layer top-down, as the kernel would
/// resolve the path (whiteouts and opaque folders are not modelled: they do not occur for <c>/etc/passwd</c> in
/// practice, and a miss only means the name cannot be resolved, which is reported).
/// </summary>
public static class RootfsFiles
{
    /// <summary>The text of <paramref name="path"/> (absolute, inside the container), or null when no layer has it.</summary>
    public static string? ReadText(IReadOnlyList<Mount> mounts, string path)
    {
        string relative = path.TrimStart('/');
        foreach (string layer in Layers(mounts))
        {
            string candidate = Path.Combine(layer, relative);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        return null;
    }

    /// <summary>The folders that make up the root file system, topmost first.</summary>
    public static IReadOnlyList<string> Layers(IReadOnlyList<Mount> mounts)
    {
        var layers = new List<string>();
        foreach (Mount mount in mounts)
        {
            if (mount.Type == "bind")
            {
                layers.Add(mount.Source);
                continue;
            }

            string? upper = Option(mount, "upperdir=");
            if (upper is not null)
            {
                layers.Add(upper);
            }

            if (Option(mount, "lowerdir=") is { } lower)
            {
                layers.AddRange(lower.Split(':', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return layers;
    }

    private static string? Option(Mount mount, string prefix) =>
        mount.Options.FirstOrDefault(o => o.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
}
