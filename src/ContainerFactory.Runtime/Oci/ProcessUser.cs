namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// The container process's identity, already resolved against the image's <c>/etc/passwd</c> and <c>/etc/group</c>
/// (see <see cref="UserResolver"/>).
/// </summary>
/// <param name="Uid">User id, 0 … 2³¹−1.</param>
/// <param name="Gid">Primary group id, 0 … 2³¹−1.</param>
/// <param name="AdditionalGids">Supplementary groups; containerd ≥ 1.6.18 lists the primary gid first.</param>
public sealed record ProcessUser(uint Uid, uint Gid, IReadOnlyList<uint> AdditionalGids)
{
    /// <summary>root with its primary group only: uid 0, gid 0, additional gids [0].</summary>
    public static ProcessUser Root { get; } = new(0, 0, [0]);
}
