using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Containers;

/// <summary>What to create: the image, the spec inputs that do not come from the image, and what to keep with the container.</summary>
/// <param name="Id">The container id (UUID v4).</param>
/// <param name="ImageRef">The image reference as given (normalized here, e.g. <c>hello-world</c> → <c>docker.io/library/hello-world:latest</c>).</param>
/// <param name="Spec">Spec inputs; the image's process config, the user and the cgroups path are filled in by the runtime.</param>
public sealed record ContainerCreateOptions(string Id, string ImageRef, ContainerSpecOptions Spec)
{
    /// <summary>Labels kept with the container (name, correlation id, …). Default none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The config document kept as the container's <see cref="ContainerKeys.ConfigExtension"/>. Default empty.</summary>
    public ReadOnlyMemory<byte> ConfigDocument { get; init; }
}
