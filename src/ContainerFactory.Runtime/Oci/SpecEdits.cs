namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// Copy-on-write helpers for the spec options: each creates a missing parent object (like containerd's
/// <c>setProcess</c>/<c>setLinux</c>/<c>setResources</c>) and returns a new record.
/// </summary>
internal static class SpecEdits
{
    public static OciSpec EditProcess(this OciSpec spec, Func<OciProcess, OciProcess> edit) =>
        spec with { Process = edit(spec.Process ?? new OciProcess()) };

    public static OciSpec EditCapabilities(this OciSpec spec, Func<OciCapabilities, OciCapabilities> edit) =>
        spec.EditProcess(p => p with { Capabilities = edit(p.Capabilities ?? new OciCapabilities()) });

    public static OciSpec EditLinux(this OciSpec spec, Func<OciLinux, OciLinux> edit) =>
        spec with { Linux = edit(spec.Linux ?? new OciLinux()) };

    public static OciSpec EditResources(this OciSpec spec, Func<OciResources, OciResources> edit) =>
        spec.EditLinux(l => l with { Resources = edit(l.Resources ?? new OciResources()) });

    /// <summary>The list with <paramref name="items"/> appended; null when the result is empty (Go's omitempty).</summary>
    public static IReadOnlyList<T>? Append<T>(IReadOnlyList<T>? list, IEnumerable<T> items)
    {
        T[] result = [.. list ?? [], .. items];
        return result.Length == 0 ? null : result;
    }

    /// <summary>Null for an empty list, so that it is omitted as Go's omitempty does.</summary>
    public static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T>? list) => list is null || list.Count == 0 ? null : list;

    /// <summary>
    /// containerd's env merge: each <c>KEY=value</c> override replaces the (last) entry with that key in place or is
    /// appended; a bare <c>KEY</c> removes it; a later override of the same key wins. Null when the result is empty.
    /// </summary>
    public static IReadOnlyList<string>? ReplaceOrAppendEnv(IReadOnlyList<string>? defaults, IEnumerable<string> overrides)
    {
        var result = new List<string?>(defaults ?? []);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Count; i++)
        {
            index[KeyOf(result[i]!)] = i;
        }

        foreach (var entry in overrides)
        {
            var key = KeyOf(entry);
            var isUnset = key.Length == entry.Length;
            if (index.TryGetValue(key, out var at))
            {
                result[at] = isUnset ? null : entry;
            }
            else if (!isUnset)
            {
                index[key] = result.Count;
                result.Add(entry);
            }
        }

        string[] merged = [.. result.OfType<string>()];
        return merged.Length == 0 ? null : merged;
    }

    private static string KeyOf(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? entry : entry[..equals];
    }
}
