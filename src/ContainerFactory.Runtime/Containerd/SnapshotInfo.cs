namespace ContainerFactory.Runtime.Containerd;

/// <summary>What Snapshots/Stat reports.</summary>
/// <param name="Name">The key or committed name (a chain id for image layers).</param>
/// <param name="Parent">The parent's name; empty for a base layer.</param>
/// <param name="Kind">View, active or committed.</param>
/// <param name="Labels">The snapshot's labels; empty when none.</param>
public sealed record SnapshotInfo(string Name, string Parent, SnapshotKind Kind, IReadOnlyDictionary<string, string> Labels);
