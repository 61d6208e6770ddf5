using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ContainersApi = ContainerFactory.Runtime.Containerd.Api.Containers;

namespace ContainerFactory.Runtime.Containerd;

/// <summary><see cref="IContainerStore"/> over containerd's Containers service.</summary>
internal sealed class GrpcContainerStore(ContainersApi.Containers.ContainersClient client, ContainerdCaller caller) : IContainerStore
{
    public Task<RuntimeResult<ContainerRecord>> CreateAsync(ContainerRecord container, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Containers/Create",
            () => client.CreateAsync(new ContainersApi.CreateContainerRequest { Container = ToProto(container) }, caller.Unary(cancellationToken)),
            r => FromProto(r.Container));

    public Task<RuntimeResult<ContainerRecord>> GetAsync(string id, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Containers/Get",
            () => client.GetAsync(new ContainersApi.GetContainerRequest { Id = id }, caller.Unary(cancellationToken)),
            r => FromProto(r.Container));

    public Task<RuntimeResult<IReadOnlyList<ContainerRecord>>> ListAsync(
        IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default)
    {
        var request = new ContainersApi.ListContainersRequest();
        request.Filters.AddRange(filters ?? []);
        return caller.InvokeAsync<ContainersApi.ListContainersResponse, IReadOnlyList<ContainerRecord>>(
            "Containers/List",
            () => client.ListAsync(request, caller.Unary(cancellationToken)),
            r => [.. r.Containers.Select(FromProto)]);
    }

    public Task<RuntimeResult<ContainerRecord>> UpdateAsync(
        ContainerRecord container, IReadOnlyList<string>? fieldPaths = null, CancellationToken cancellationToken = default)
    {
        var request = new ContainersApi.UpdateContainerRequest { Container = ToProto(container) };
        if (fieldPaths is { Count: > 0 })
        {
            request.UpdateMask = new FieldMask();
            request.UpdateMask.Paths.AddRange(fieldPaths);
        }

        return caller.InvokeAsync(
            "Containers/Update", () => client.UpdateAsync(request, caller.Unary(cancellationToken)), r => FromProto(r.Container));
    }

    public Task<RuntimeResult> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Containers/Delete",
            () => client.DeleteAsync(new ContainersApi.DeleteContainerRequest { Id = id }, caller.Unary(cancellationToken)));

    // Any values keep containerd's bare type URLs; Any.Pack would add the type.googleapis.com/ prefix (notes §4.4).
    private ContainersApi.Container ToProto(ContainerRecord container)
    {
        var proto = new ContainersApi.Container
        {
            Id = container.Id,
            Image = container.Image,
            Runtime = new ContainersApi.Container.Types.Runtime { Name = container.Runtime ?? caller.Options.Runtime },
            Spec = new Any { TypeUrl = ContainerdConstants.SpecTypeUrl, Value = ByteString.CopyFrom(container.Spec.Span) },
            Snapshotter = container.Snapshotter ?? caller.Options.Snapshotter,
            SnapshotKey = container.SnapshotKey,
        };
        ProtoMapping.AddAll(proto.Labels, container.Labels);
        foreach (var (name, extension) in container.Extensions)
        {
            proto.Extensions[name] = new Any { TypeUrl = extension.TypeUrl, Value = ByteString.CopyFrom(extension.Value.Span) };
        }

        return proto;
    }

    private static ContainerRecord FromProto(ContainersApi.Container? proto)
    {
        if (proto is null)
        {
            return new ContainerRecord("", "", "", ReadOnlyMemory<byte>.Empty);
        }

        return new ContainerRecord(proto.Id, proto.Image, proto.SnapshotKey, proto.Spec?.Value.Memory ?? ReadOnlyMemory<byte>.Empty)
        {
            Labels = ProtoMapping.Copy(proto.Labels),
            Runtime = proto.Runtime?.Name,
            Snapshotter = proto.Snapshotter,
            Extensions = proto.Extensions.ToDictionary(e => e.Key, e => new ContainerExtension(e.Value.TypeUrl, e.Value.Value.Memory)),
            CreatedAt = ProtoMapping.FromProto(proto.CreatedAt),
            UpdatedAt = ProtoMapping.FromProto(proto.UpdatedAt),
        };
    }
}
