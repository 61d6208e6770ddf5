using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>An image record in containerd's image store.</summary>
/// <param name="Name">The full reference exactly as pulled, e.g. <c>docker.io/library/alpine:latest</c>.</param>
/// <param name="Target">The root descriptor: an index or a manifest.</param>
public sealed record ImageRecord(string Name, Descriptor Target)
{
    /// <summary>Labels; empty by default (ctr's pull sets none).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Set by containerd; ignored when creating or updating.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Set by containerd; ignored when creating or updating.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
