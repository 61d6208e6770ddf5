namespace ContainerFactory.Runtime.Containers;

/// <summary>
/// Names of what the agent keeps with a containerd container (containerd is the only store, PRODUCT.md §3): small
/// facts as labels, documents as extensions (labels are limited to 4 KiB).
/// </summary>
public static class ContainerKeys
{
    /// <summary>Label marking containers managed by container-factory.</summary>
    public const string ManagedLabel = "container-factory/managed";

    /// <summary>Label holding the container's name.</summary>
    public const string NameLabel = "container-factory/name";

    /// <summary>Label holding the correlation id of the command that created the container (idempotent create).</summary>
    public const string CorrelationIdLabel = "container-factory/correlation-id";

    /// <summary>Label set to <c>true</c> while a container is stopped by hand (restart policies respect it).</summary>
    public const string ManuallyStoppedLabel = "container-factory/manually-stopped";

    /// <summary>Label counting restarts done by the restart policy.</summary>
    public const string RestartCountLabel = "container-factory/restart-count";

    /// <summary>Label with the RFC 3339 time of the last successful start.</summary>
    public const string StartedAtLabel = "container-factory/started-at";

    /// <summary>Extension holding the container config document (JSON).</summary>
    public const string ConfigExtension = "container-factory/config";

    /// <summary>Type URL of <see cref="ConfigExtension"/>.</summary>
    public const string ConfigTypeUrl = "container-factory/config/v1";
}
