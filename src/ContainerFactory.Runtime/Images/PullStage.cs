namespace ContainerFactory.Runtime.Images;

/// <summary>What a <see cref="PullProgress"/> report is about.</summary>
public enum PullStage
{
    /// <summary>The reference was resolved; <see cref="PullProgress.Blob"/> is the root (index or manifest).</summary>
    Resolved,

    /// <summary>Bytes of <see cref="PullProgress.Blob"/> arrived (reported every 1 MiB or so, not per packet).</summary>
    Downloading,

    /// <summary><see cref="PullProgress.Blob"/> was downloaded and committed.</summary>
    Downloaded,

    /// <summary><see cref="PullProgress.Blob"/> was already in the namespace: nothing fetched.</summary>
    Present,

    /// <summary><see cref="PullProgress.Blob"/> was in containerd's content store (another namespace): committed without download.</summary>
    Shared,

    /// <summary>The layer <see cref="PullProgress.Blob"/> was unpacked into snapshot <see cref="PullProgress.ChainId"/>.</summary>
    Unpacked,

    /// <summary>The layer's snapshot <see cref="PullProgress.ChainId"/> already existed: nothing unpacked.</summary>
    AlreadyUnpacked,
}
