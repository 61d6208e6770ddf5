using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>containerd's Diff service: unpacks layer blobs from the content store onto snapshot mounts.</summary>
public interface IDiffService
{
    /// <summary>
    /// Applies a layer blob (gzip or plain tar; containerd decompresses) onto the mounts of a prepared snapshot.
    /// Returns the applied descriptor: media type <c>…layer.v1.tar</c>, digest = the layer's diff id, size = tar size.
    /// Deadline <see cref="ContainerdOptions.TransferTimeout"/>.
    /// </summary>
    Task<RuntimeResult<Descriptor>> ApplyAsync(Descriptor layer, IReadOnlyList<Mount> mounts, CancellationToken cancellationToken = default);
}
