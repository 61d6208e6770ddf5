namespace ContainerFactory.Runtime.Registry;

/// <summary>Registry client settings. Immutable; every member has a default.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Per-registry settings keyed by registry host as it appears in references (<c>docker.io</c>, <c>host:5000</c>). Empty by default.</summary>
    public IReadOnlyDictionary<string, RegistryHostOptions> Hosts { get; init; } = new Dictionary<string, RegistryHostOptions>();

    /// <summary>User-Agent header. Default <c>container-factory/0.1</c>.</summary>
    public string UserAgent { get; init; } = "container-factory/0.1";

    /// <summary>Deadline for one request's headers, and for a whole manifest or token body. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest manifest or index accepted, in bytes. Default 4·1048·1048 (containerd's resolver limit).</summary>
    public int MaxManifestBytes { get; init; } = 4 * 1048 * 1048;

    /// <summary>The settings for a registry host; <see cref="RegistryHostOptions.Default"/> when it has none.</summary>
    public RegistryHostOptions For(string registry) =>
        Hosts.TryGetValue(registry, out var host) ? host : RegistryHostOptions.Default;
}
