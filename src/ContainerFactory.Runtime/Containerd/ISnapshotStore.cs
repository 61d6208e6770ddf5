namespace ContainerFactory.Runtime.Containerd;

/// <summary>
/// containerd's Snapshots service for the configured snapshotter (<see cref="ContainerdOptions.Snapshotter"/>)
/// in the current namespace and lease.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>Creates a writable snapshot on top of <paramref name="parent"/> (empty for none) and returns its mounts.</summary>
    Task<RuntimeResult<IReadOnlyList<Mount>>> PrepareAsync(string key, string parent, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>Commits the active snapshot <paramref name="key"/> under <paramref name="name"/> (a chain id for layers).</summary>
    Task<RuntimeResult> CommitAsync(string name, string key, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>Info of a snapshot; <see cref="RuntimeErrorKind.NotFound"/> when it does not exist (a layer not yet unpacked).</summary>
    Task<RuntimeResult<SnapshotInfo>> StatAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Mounts of an existing snapshot (for Tasks/Create).</summary>
    Task<RuntimeResult<IReadOnlyList<Mount>>> MountsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes a snapshot (an active key or a committed name without children).</summary>
    Task<RuntimeResult> RemoveAsync(string key, CancellationToken cancellationToken = default);
}
