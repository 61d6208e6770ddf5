namespace ContainerFactory.Runtime.Images;

/// <summary>
/// An OCI content descriptor: what a registry resolves a reference to, what an index and a manifest list,
/// and what containerd stores (as <c>containerd.types.Descriptor</c>).
/// </summary>
/// <param name="MediaType">Required, e.g. <c>application/vnd.oci.image.manifest.v1+json</c>.</param>
/// <param name="Digest">Required, <c>sha256:</c> followed by 64 lowercase hex digits.</param>
/// <param name="Size">Size in bytes, ≥ 0.</param>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    /// <summary>Optional annotations; null when there are none.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The platform of an index entry; null elsewhere (containerd does not store it).</summary>
    public Platform? Platform { get; init; }
}
