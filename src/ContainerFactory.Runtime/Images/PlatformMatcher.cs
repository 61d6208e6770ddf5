namespace ContainerFactory.Runtime.Images;

/// <summary>
/// Chooses the manifest of an index for a target platform the way containerd 1.6's default matcher does:
/// the exact (normalized) platform first, then its compatible fallbacks in order — <c>arm64</c> also runs
/// <c>arm/v8, v7, v6, v5</c>; <c>arm/v7</c> runs <c>v6, v5</c>; <c>amd64</c> runs <c>386</c>. Pure.
/// </summary>
public static class PlatformMatcher
{
    /// <summary>
    /// Ranks a candidate for the target: 0 is an exact match, higher is a worse fallback, null is not runnable.
    /// </summary>
    public static int? Rank(Platform target, Platform candidate)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(candidate);
        var wanted = target.Normalize();
        var have = candidate.Normalize();
        if (have.Os != wanted.Os)
        {
            return null;
        }

        var order = Compatible(wanted);
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i].Architecture == have.Architecture && order[i].Variant == have.Variant)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the best manifest among an index's entries for the target, or null when none runs on it.
    /// Entries without a platform rank after every match; ties keep index order.
    /// </summary>
    public static Descriptor? Select(IReadOnlyList<Descriptor> manifests, Platform target)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        Descriptor? best = null;
        var bestRank = int.MaxValue;
        foreach (var manifest in manifests)
        {
            var rank = manifest.Platform is null ? int.MaxValue - 1 : Rank(target, manifest.Platform);
            if (rank is { } r && r < bestRank)
            {
                best = manifest;
                bestRank = r;
            }
        }

        return best;
    }

    private static List<Platform> Compatible(Platform wanted)
    {
        var list = new List<Platform> { wanted };
        switch (wanted.Architecture)
        {
            case "amd64":
                list.Add(wanted with { Architecture = "386", Variant = "" });
                break;
            case "arm64" when wanted.Variant == "":
                foreach (var v in new[] { "v8", "v7", "v6", "v5" })
                {
                    list.Add(wanted with { Architecture = "arm", Variant = v });
                }

                break;
            case "arm":
                var start = wanted.Variant switch { "v8" => 8, "v7" => 7, "v6" => 6, _ => 0 };
                for (var v = start - 1; v >= 5; v--)
                {
                    list.Add(wanted with { Variant = "v" + v });
                }

                break;
        }

        return list;
    }
}
