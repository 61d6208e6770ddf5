namespace ContainerFactory.Runtime.Containerd;

/// <summary>A containerd lease: while it exists, content and snapshots created under it are not collected.</summary>
/// <param name="Id">The lease id (sent as <c>containerd-lease</c>).</param>
/// <param name="Labels">e.g. <c>containerd.io/gc.expire</c> = RFC 3339 UTC expiry.</param>
public sealed record Lease(string Id, IReadOnlyDictionary<string, string> Labels);
