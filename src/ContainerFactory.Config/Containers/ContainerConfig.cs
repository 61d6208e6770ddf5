namespace ContainerFactory.Config.Containers;

/// <summary>
/// The complete, defaulted definition of one container: everything the runtime needs to create it.
/// Built only by <see cref="ContainerDefaults.Apply"/> from a validated <see cref="CreateRequest"/>;
/// every member is set (lists are empty, never null).
/// </summary>
public sealed record ContainerConfig
{
    /// <summary>Container id chosen by the caller (a UUID v4 string); non-empty.</summary>
    public required string Id { get; init; }

    /// <summary>Container name, <c>^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$</c>; default <see cref="Id"/>.</summary>
    public required string Name { get; init; }

    /// <summary>Image reference as sent, e.g. <c>docker.io/library/influxdb:1.8.4</c>; non-empty.</summary>
    public required string ImageRef { get; init; }

    /// <summary>Domain name; default <c>&lt;name&gt;-domain</c>.</summary>
    public required string DomainName { get; init; }

    /// <summary>Host name; default <c>&lt;name&gt;-host</c>.</summary>
    public required string HostName { get; init; }

    /// <summary>Environment entries <c>NAME</c> or <c>NAME=value</c>, added to the image's; may be empty.</summary>
    public required IReadOnlyList<string> Env { get; init; }

    /// <summary>Replaces the image CMD (the ENTRYPOINT is kept); empty = the image's CMD.</summary>
    public required IReadOnlyList<string> Cmd { get; init; }

    /// <summary>Runs with all capabilities and all host devices; default false.</summary>
    public required bool Privileged { get; init; }

    /// <summary><c>host:ip</c> entries for <c>/etc/hosts</c>, resolved at start (kanto-protocol §3.8); may be empty.</summary>
    public required IReadOnlyList<string> ExtraHosts { get; init; }

    /// <summary>Added capabilities, canonical <c>CAP_*</c> names; always empty when <see cref="Privileged"/>.</summary>
    public required IReadOnlyList<string> ExtraCapabilities { get; init; }

    /// <summary>Network attachment; default <see cref="Containers.NetworkMode.Bridge"/>.</summary>
    public required NetworkMode NetworkMode { get; init; }

    /// <summary>Keeps stdin open; default false.</summary>
    public required bool OpenStdin { get; init; }

    /// <summary>Allocates a terminal; default false.</summary>
    public required bool Tty { get; init; }

    /// <summary>Bind mounts; may be empty.</summary>
    public required IReadOnlyList<MountPoint> MountPoints { get; init; }

    /// <summary>Image decryption keys; <see cref="Decryption.None"/> when none were given.</summary>
    public required Decryption Decryption { get; init; }

    /// <summary>Host devices; may be empty; always empty when <see cref="Privileged"/>.</summary>
    public required IReadOnlyList<DeviceMapping> Devices { get; init; }

    /// <summary>Restart policy; default <see cref="RestartPolicy.Default"/> (unless-stopped).</summary>
    public required RestartPolicy RestartPolicy { get; init; }

    /// <summary>Published ports; may be empty; always empty in host network mode.</summary>
    public required IReadOnlyList<PortMapping> PortMappings { get; init; }

    /// <summary>Logging; default <see cref="LogConfig.Default"/>.</summary>
    public required LogConfig Log { get; init; }

    /// <summary>Memory limits; <see cref="Resources.Unlimited"/> when none were given.</summary>
    public required Resources Resources { get; init; }
}
