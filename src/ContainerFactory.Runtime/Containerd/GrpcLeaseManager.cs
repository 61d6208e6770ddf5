using LeasesApi = ContainerFactory.Runtime.Containerd.Api.Leases;

namespace ContainerFactory.Runtime.Containerd;

/// <summary><see cref="ILeaseManager"/> over containerd's Leases service.</summary>
internal sealed class GrpcLeaseManager(LeasesApi.Leases.LeasesClient client, ContainerdCaller caller) : ILeaseManager
{
    public Task<RuntimeResult<Lease>> CreateAsync(
        string id, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var request = new LeasesApi.CreateRequest { Id = id };
        ProtoMapping.AddAll(request.Labels, labels);
        return caller.InvokeAsync(
            "Leases/Create",
            () => client.CreateAsync(request, caller.Unary(cancellationToken)),
            r => new Lease(r.Lease?.Id ?? id, r.Lease is null ? new Dictionary<string, string>() : ProtoMapping.Copy(r.Lease.Labels)));
    }

    public Task<RuntimeResult<IReadOnlyList<Lease>>> ListAsync(
        IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default)
    {
        var request = new LeasesApi.ListRequest();
        request.Filters.AddRange(filters ?? []);
        return caller.InvokeAsync<LeasesApi.ListResponse, IReadOnlyList<Lease>>(
            "Leases/List",
            () => client.ListAsync(request, caller.Unary(cancellationToken)),
            r => [.. r.Leases.Select(l => new Lease(l.Id, ProtoMapping.Copy(l.Labels)))]);
    }

    public Task<RuntimeResult> DeleteAsync(string id, bool sync = false, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Leases/Delete",
            () => client.DeleteAsync(new LeasesApi.DeleteRequest { Id = id, Sync = sync }, caller.Unary(cancellationToken)));
}
