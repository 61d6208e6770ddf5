namespace ContainerFactory.Runtime.Containerd;

/// <summary>A snapshot's kind (containerd.services.snapshots.v1.Kind, same numbers).</summary>
public enum SnapshotKind
{
    /// <summary>Unknown.</summary>
    Unknown = 0,

    /// <summary>Read-only view.</summary>
    View = 1,

    /// <summary>Prepared, writable, not committed.</summary>
    Active = 2,

    /// <summary>Committed (a layer's chain id).</summary>
    Committed = 3,
}
