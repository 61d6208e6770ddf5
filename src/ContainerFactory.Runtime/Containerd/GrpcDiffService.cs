using ContainerFactory.Runtime.Images;
using DiffApi = ContainerFactory.Runtime.Containerd.Api.Diff;

namespace ContainerFactory.Runtime.Containerd;

/// <summary><see cref="IDiffService"/> over containerd's Diff service.</summary>
internal sealed class GrpcDiffService(DiffApi.Diff.DiffClient client, ContainerdCaller caller) : IDiffService
{
    public Task<RuntimeResult<Descriptor>> ApplyAsync(
        Descriptor layer, IReadOnlyList<Mount> mounts, CancellationToken cancellationToken = default)
    {
        var request = new DiffApi.ApplyRequest { Diff = ProtoMapping.ToProto(layer) };
        request.Mounts.AddRange(mounts.Select(ProtoMapping.ToProto));
        return caller.InvokeAsync(
            "Diff/Apply",
            () => client.ApplyAsync(request, caller.Transfer(cancellationToken)),
            r => ProtoMapping.FromProto(r.Applied));
    }
}
