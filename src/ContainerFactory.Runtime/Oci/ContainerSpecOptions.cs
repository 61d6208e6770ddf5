using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// Everything the spec of one Kanto container needs, as facts already fetched and resolved (the Agent maps its
/// container config to this; Runtime knows nothing of the Kanto config). Input of <see cref="ContainerSpec"/>.
/// </summary>
/// <param name="Namespace">containerd namespace, e.g. <c>kanto-cm</c>; non-empty.</param>
/// <param name="Id">Container id; non-empty.</param>
public sealed record ContainerSpecOptions(string Namespace, string Id)
{
    /// <summary>The image config's <c>config</c> object; null = none (args empty, env PATH only, cwd /).</summary>
    public ImageProcessConfig? Image { get; init; }

    /// <summary>The image's user resolved against its passwd/group files; default root (0, 0, [0]).</summary>
    public ProcessUser User { get; init; } = ProcessUser.Root;

    /// <summary>Replaces the image Cmd (Entrypoint kept); empty (default) = the image's.</summary>
    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary><c>KEY=value</c> entries merged last, so they override image env, HOSTNAME and TERM; default none.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Host name (also <c>HOSTNAME</c> env); null = not set.</summary>
    public string? HostName { get; init; }

    /// <summary>Domain name; null = not set.</summary>
    public string? DomainName { get; init; }

    /// <summary>Allocate a terminal (adds <c>TERM=xterm</c>); default false.</summary>
    public bool Tty { get; init; }

    /// <summary>Privileged: all capabilities and <see cref="HostDevices"/>; <see cref="Devices"/> and <see cref="ExtraCapabilities"/> are then ignored (Kanto forbids or drops them).</summary>
    public bool Privileged { get; init; }

    /// <summary>The host's device nodes, used only when <see cref="Privileged"/>; default none.</summary>
    public IReadOnlyList<DeviceNode> HostDevices { get; init; } = [];

    /// <summary>
    /// The capabilities a privileged container gets. containerd's <c>WithPrivileged</c> grants the client's own effective
    /// set (<see cref="ProcessCapabilities.ReadCurrent"/>): runc cannot grant more than the agent holds. Null (default) = all 41.
    /// </summary>
    public IReadOnlyList<string>? PrivilegedCapabilities { get; init; }

    /// <summary>Device mappings (non-privileged only); default none.</summary>
    public IReadOnlyList<DeviceRule> Devices { get; init; } = [];

    /// <summary>Capabilities added to the default set (non-privileged only); canonical <c>CAP_*</c> names; default none.</summary>
    public IReadOnlyList<string> ExtraCapabilities { get; init; } = [];

    /// <summary>Bind mounts in order; default none.</summary>
    public IReadOnlyList<BindMount> Mounts { get; init; } = [];

    /// <summary>resolv.conf, hostname and hosts files to mount; null = none.</summary>
    public HostFiles? HostFiles { get; init; }

    /// <summary>Memory limits; null = none.</summary>
    public MemoryLimits? Memory { get; init; }

    /// <summary>Share the host's network namespace; default false. Takes precedence over <see cref="NetworkNamespacePath"/>.</summary>
    public bool HostNetwork { get; init; }

    /// <summary>Network namespace to join (bridge mode, prepared by CNI); null = a new empty namespace.</summary>
    public string? NetworkNamespacePath { get; init; }

    /// <summary>cgroups path; null = <c>/&lt;namespace&gt;/&lt;id&gt;</c> (see <see cref="CgroupsPaths"/>).</summary>
    public string? CgroupsPath { get; init; }

    /// <summary>Root filesystem path; default <c>rootfs</c> (the bundle's snapshot mount).</summary>
    public string RootfsPath { get; init; } = OciConstants.DefaultRootfsPath;
}
