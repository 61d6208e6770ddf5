namespace ContainerFactory.Runtime.Containerd;

/// <summary>containerd's lease manager (Leases service) for the current namespace.</summary>
public interface ILeaseManager
{
    /// <summary>Creates a lease. Calls made through <see cref="ContainerdClient.WithLease"/> then carry its id.</summary>
    /// <param name="id">Unique id, e.g. <c>&lt;unix nanos&gt;-&lt;4 base64url chars&gt;</c> as ctr makes them.</param>
    /// <param name="labels">Usually <c>containerd.io/gc.expire</c> = now + 24 h in RFC 3339 UTC, so a crashed pull cleans up.</param>
    /// <param name="cancellationToken">Cancels the call (throws <see cref="OperationCanceledException"/>).</param>
    Task<RuntimeResult<Lease>> CreateAsync(string id, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>Leases of the namespace matching any of the containerd filter strings (all when empty).</summary>
    Task<RuntimeResult<IReadOnlyList<Lease>>> ListAsync(IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a lease; what only it protected becomes garbage (collected now when <paramref name="sync"/>).</summary>
    Task<RuntimeResult> DeleteAsync(string id, bool sync = false, CancellationToken cancellationToken = default);
}
