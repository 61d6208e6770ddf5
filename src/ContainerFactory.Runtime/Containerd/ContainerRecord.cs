namespace ContainerFactory.Runtime.Containerd;

/// <summary>A container record in containerd's container store (metadata only; the process is a task).</summary>
/// <param name="Id">Container id.</param>
/// <param name="Image">The image record's name.</param>
/// <param name="SnapshotKey">Key of the container's writable snapshot (by convention the container id).</param>
/// <param name="Spec">The OCI runtime spec as UTF-8 JSON; sent with containerd's bare spec type URL.</param>
public sealed record ContainerRecord(string Id, string Image, string SnapshotKey, ReadOnlyMemory<byte> Spec)
{
    /// <summary>Labels; empty by default.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Runtime name; null means <see cref="ContainerdOptions.Runtime"/>. Runtime options are left unset (runc defaults).</summary>
    public string? Runtime { get; init; }

    /// <summary>Snapshotter of <see cref="SnapshotKey"/>; null means <see cref="ContainerdOptions.Snapshotter"/>.</summary>
    public string? Snapshotter { get; init; }

    /// <summary>Extensions (free for the agent's own state); empty by default.</summary>
    public IReadOnlyDictionary<string, ContainerExtension> Extensions { get; init; } = new Dictionary<string, ContainerExtension>();

    /// <summary>Set by containerd; ignored when creating or updating.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Set by containerd; ignored when creating or updating.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
