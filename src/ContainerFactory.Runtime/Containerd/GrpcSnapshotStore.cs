using SnapshotsApi = ContainerFactory.Runtime.Containerd.Api.Snapshots;

namespace ContainerFactory.Runtime.Containerd;

/// <summary><see cref="ISnapshotStore"/> over containerd's Snapshots service.</summary>
internal sealed class GrpcSnapshotStore(SnapshotsApi.Snapshots.SnapshotsClient client, ContainerdCaller caller) : ISnapshotStore
{
    private string Snapshotter => caller.Options.Snapshotter;

    public Task<RuntimeResult<IReadOnlyList<Mount>>> PrepareAsync(
        string key, string parent, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var request = new SnapshotsApi.PrepareSnapshotRequest { Snapshotter = Snapshotter, Key = key, Parent = parent };
        ProtoMapping.AddAll(request.Labels, labels);
        return caller.InvokeAsync(
            "Snapshots/Prepare",
            () => client.PrepareAsync(request, caller.Unary(cancellationToken)),
            r => ProtoMapping.FromProto(r.Mounts));
    }

    public Task<RuntimeResult> CommitAsync(
        string name, string key, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var request = new SnapshotsApi.CommitSnapshotRequest { Snapshotter = Snapshotter, Name = name, Key = key };
        ProtoMapping.AddAll(request.Labels, labels);
        return caller.InvokeAsync("Snapshots/Commit", () => client.CommitAsync(request, caller.Unary(cancellationToken)));
    }

    public Task<RuntimeResult<SnapshotInfo>> StatAsync(string key, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Snapshots/Stat",
            () => client.StatAsync(new SnapshotsApi.StatSnapshotRequest { Snapshotter = Snapshotter, Key = key }, caller.Unary(cancellationToken)),
            r => r.Info is null
                ? new SnapshotInfo(key, "", SnapshotKind.Unknown, new Dictionary<string, string>())
                : new SnapshotInfo(r.Info.Name, r.Info.Parent, (SnapshotKind)(int)r.Info.Kind, ProtoMapping.Copy(r.Info.Labels)));

    public Task<RuntimeResult<IReadOnlyList<Mount>>> MountsAsync(string key, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Snapshots/Mounts",
            () => client.MountsAsync(new SnapshotsApi.MountsRequest { Snapshotter = Snapshotter, Key = key }, caller.Unary(cancellationToken)),
            r => ProtoMapping.FromProto(r.Mounts));

    public Task<RuntimeResult> RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Snapshots/Remove",
            () => client.RemoveAsync(new SnapshotsApi.RemoveSnapshotRequest { Snapshotter = Snapshotter, Key = key }, caller.Unary(cancellationToken)));
}
