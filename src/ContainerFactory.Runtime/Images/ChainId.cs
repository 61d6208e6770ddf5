using System.Text;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// Layer chain ids (OCI image spec, "ChainID"): the name of the committed snapshot that holds a layer and everything
/// below it. <c>chain_0 = diff_0</c>; <c>chain_n = sha256(chain_{n-1} + " " + diff_n)</c> over the full
/// <c>sha256:&lt;hex&gt;</c> strings (notes §3.3). Pure.
/// </summary>
public static class ChainId
{
    /// <summary>The chain id of every layer, base layer first; empty for no layers.</summary>
    /// <param name="diffIds">The config's <c>rootfs.diff_ids</c>, base layer first.</param>
    public static IReadOnlyList<string> Compute(IReadOnlyList<string> diffIds)
    {
        ArgumentNullException.ThrowIfNull(diffIds);
        var chains = new string[diffIds.Count];
        string? parent = null;
        for (var i = 0; i < diffIds.Count; i++)
        {
            parent = Next(parent, diffIds[i]);
            chains[i] = parent;
        }

        return chains;
    }

    /// <summary>The chain id of a layer with diff id <paramref name="diffId"/> on top of <paramref name="parent"/> (null for a base layer).</summary>
    public static string Next(string? parent, string diffId)
    {
        ArgumentNullException.ThrowIfNull(diffId);
        return parent is null ? diffId : ContentDigest.Sha256(Encoding.ASCII.GetBytes(parent + " " + diffId));
    }
}
