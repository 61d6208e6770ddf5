namespace ContainerFactory.Runtime.Images;

/// <summary>OCI and Docker schema 2 media types (the wire constants of the image layer).</summary>
public static class MediaTypes
{
    /// <summary>OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>OCI image index.</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>OCI image config.</summary>
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>Docker schema 2 manifest.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>Docker schema 2 manifest list.</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Docker schema 1 (signed) manifest; recognised only to be refused.</summary>
    public const string DockerSchema1Manifest = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /// <summary>Docker image config.</summary>
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    /// <summary>
    /// The Accept header containerd 1.6's resolver sends when resolving a reference (notes §2), in that order.
    /// </summary>
    public const string ResolveAccept = DockerManifest + ", " + DockerManifestList + ", " + OciManifest + ", " + OciIndex + ", */*";

    /// <summary>True for an index or a Docker manifest list.</summary>
    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>True for an image manifest (OCI or Docker schema 2).</summary>
    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;

    /// <summary>True for anything a registry serves from <c>/manifests/</c> rather than <c>/blobs/</c>.</summary>
    public static bool IsManifestOrIndex(string mediaType) =>
        IsIndex(mediaType) || IsManifest(mediaType) || mediaType == DockerSchema1Manifest
        || mediaType == "application/vnd.docker.distribution.manifest.v1+json";
}
