namespace ContainerFactory.Runtime.Images;

/// <summary>How <see cref="ImagePuller"/> pulls one image. Immutable; every member has a default.</summary>
public sealed record PullOptions
{
    /// <summary>The defaults.</summary>
    public static PullOptions Default { get; } = new();

    /// <summary>
    /// Platform whose manifest is taken from an index (<see cref="PlatformMatcher"/>, fallbacks included).
    /// Default <see cref="Images.Platform.Host"/>.
    /// </summary>
    public Platform Platform { get; init; } = Platform.Host;

    /// <summary>Unpack the layers into snapshots after fetching them. Default true.</summary>
    public bool Unpack { get; init; } = true;

    /// <summary>Config and layer blobs downloaded at the same time (ctr's default). Default 3; must be ≥ 1.</summary>
    public int MaxConcurrentDownloads { get; init; } = 3;

    /// <summary>
    /// Lifetime of the pull's lease (<c>containerd.io/gc.expire</c>): if the process dies mid-pull, what it wrote is
    /// collected after this. Default 24 h, as ctr.
    /// </summary>
    public TimeSpan LeaseExpiry { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long to keep retrying when another writer holds a blob's ingest (UNAVAILABLE "locked"), with backoff
    /// from 16 ms doubling to 2 s. Default 10 min (a concurrent download of a large layer); then the pull fails.
    /// </summary>
    public TimeSpan LockWaitLimit { get; init; } = TimeSpan.FromMinutes(10);
}
