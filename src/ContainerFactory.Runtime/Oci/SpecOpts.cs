using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// The catalogue of spec options (house style rule 9: the one allowed long file). Every member returns a pure
/// <see cref="SpecOpt"/>: no I/O, no clock, no globals; facts arrive as parameters. Options create missing parent
/// objects, write null instead of empty lists (Go's <c>omitempty</c>) and throw only on caller bugs (null or empty
/// required arguments). The semantics follow containerd 1.6's <c>oci</c> package and Kanto's container manager
/// (kanto-protocol.md §7.3); deviations are stated per option.
/// </summary>
public static class SpecOpts
{
    private static readonly string[] DefaultMaskedPaths =
    [
        "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi",
    ];

    private static readonly string[] DefaultReadonlyPaths =
        ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    private static readonly OciMount[] DefaultMounts =
    [
        new("/proc", "proc", "proc", ["nosuid", "noexec", "nodev"]),
        new("/dev", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"]),
        new("/dev/pts", "devpts", "devpts", ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]),
        new("/dev/shm", "tmpfs", "shm", ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]),
        new("/dev/mqueue", "mqueue", "mqueue", ["nosuid", "noexec", "nodev"]),
        new("/sys", "sysfs", "sysfs", ["nosuid", "noexec", "nodev", "ro"]),
        new("/run", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"]),
    ];

    // (major, minor) of /dev/null, random, full, tty, zero, urandom, console, pts/* (any minor), ptmx, in ctr's order.
    private static readonly (long Major, long? Minor)[] DefaultUnixDevices =
        [(1, 3), (1, 8), (1, 7), (5, 0), (1, 5), (1, 9), (5, 1), (136, null), (5, 2)];

    // ---- composition ------------------------------------------------------------------------------------------

    /// <summary>Applies <paramref name="opts"/> left to right: a later option sees (and may override) earlier ones.</summary>
    public static SpecOpt Compose(params SpecOpt[] opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        SpecOpt[] copy = [.. opts];
        return spec =>
        {
            foreach (var opt in copy)
            {
                spec = opt(spec);
            }

            return spec;
        };
    }

    /// <summary>Applies <paramref name="opts"/> left to right to <see cref="OciSpec.Empty"/>.</summary>
    public static OciSpec Build(params SpecOpt[] opts) => Compose(opts)(OciSpec.Empty);

    // ---- defaults ---------------------------------------------------------------------------------------------

    /// <summary>
    /// What <c>ctr run</c> 1.6 starts from (containerd-notes §4.3): <see cref="WithDefaultSpec"/>, then
    /// <see cref="WithDefaultUnixDevices"/>, then <see cref="WithCpuShares"/>(1024). Together with
    /// <see cref="WithImageConfig"/> it reproduces <c>spec-default-ctr-1.6.json</c> byte for byte.
    /// </summary>
    /// <param name="containerdNamespace">containerd namespace, e.g. <c>kanto-cm</c>; non-empty.</param>
    /// <param name="id">Container id; non-empty.</param>
    public static SpecOpt WithDefaults(string containerdNamespace, string id) => Compose(
        WithDefaultSpec(containerdNamespace, id),
        WithDefaultUnixDevices(),
        WithCpuShares(1024));

    /// <summary>
    /// Replaces the whole spec with containerd 1.6's default Linux spec: version 1.0.2-dev, root <c>rootfs</c>,
    /// uid/gid 0, cwd <c>/</c>, the 14 default capabilities, RLIMIT_NOFILE 1024, noNewPrivileges, the 7 default
    /// mounts, a deny-all device rule, cgroups path <c>/&lt;namespace&gt;/&lt;id&gt;</c>, new pid/ipc/uts/mount/network
    /// namespaces and the masked and read-only paths. (containerd ≥ 1.6.3x also masks /sys/devices/virtual/powercap;
    /// the captured 1.6 spec does not, and neither do we.) Use it first.
    /// </summary>
    /// <param name="containerdNamespace">containerd namespace; non-empty.</param>
    /// <param name="id">Container id; non-empty.</param>
    public static SpecOpt WithDefaultSpec(string containerdNamespace, string id)
    {
        var cgroupsPath = CgroupsPaths.Cgroupfs(containerdNamespace, id);
        return _ => new OciSpec
        {
            OciVersion = OciConstants.Version,
            Process = new OciProcess
            {
                User = new OciUser(),
                Cwd = "/",
                Capabilities = new OciCapabilities
                {
                    Bounding = LinuxCapabilityNames.Default,
                    Effective = LinuxCapabilityNames.Default,
                    Permitted = LinuxCapabilityNames.Default,
                },
                Rlimits = [new OciRlimit("RLIMIT_NOFILE", 1024, 1024)],
                NoNewPrivileges = true,
            },
            Root = new OciRoot(OciConstants.DefaultRootfsPath),
            Mounts = DefaultMounts,
            Linux = new OciLinux
            {
                Resources = new OciResources { Devices = [new OciDeviceCgroup(false, null, null, null, OciConstants.AllAccess)] },
                CgroupsPath = cgroupsPath,
                Namespaces =
                [
                    new(OciConstants.PidNamespace), new(OciConstants.IpcNamespace), new(OciConstants.UtsNamespace),
                    new(OciConstants.MountNamespace), new(OciConstants.NetworkNamespace),
                ],
                MaskedPaths = DefaultMaskedPaths,
                ReadonlyPaths = DefaultReadonlyPaths,
            },
        };
    }

    /// <summary>
    /// Appends containerd's default device cgroup allow rules (<c>rwm</c>): c 1:3, 1:8, 1:7, 5:0, 1:5, 1:9, 5:1,
    /// 136:* and 5:2. runc allows these itself, so the rules only matter for fidelity with <c>ctr run</c>.
    /// </summary>
    public static SpecOpt WithDefaultUnixDevices() => spec => spec.EditResources(r => r with
    {
        Devices = SpecEdits.Append(r.Devices, DefaultUnixDevices.Select(d =>
            new OciDeviceCgroup(true, "c", d.Major, d.Minor, OciConstants.AllAccess))),
    });

    /// <summary>Sets <c>linux.resources.cpu.shares</c> (cgroup v1 weight; 1024 = the kernel default).</summary>
    /// <param name="shares">Relative weight, 2 … 262144.</param>
    public static SpecOpt WithCpuShares(ulong shares) => spec => spec.EditResources(r => r with
    {
        Cpu = (r.Cpu ?? new OciCpu()) with { Shares = shares },
    });

    // ---- process ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Applies the image's process defaults as containerd's <c>WithImageConfig</c>: env = the image <c>Env</c> (or
    /// the default <c>PATH</c> when the image has none) merged with any env already in the spec; args = Entrypoint +
    /// Cmd; cwd = WorkingDir or <c>/</c>; then <see cref="WithUser"/>(<paramref name="user"/>).
    /// </summary>
    /// <param name="config">The image config's <c>config</c> object; null = an image without one.</param>
    /// <param name="user">The image's <c>User</c> resolved by <see cref="UserResolver"/> (root when the image names none).</param>
    public static SpecOpt WithImageConfig(ImageProcessConfig? config, ProcessUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        IReadOnlyList<string> imageEnv = config?.Env is { Count: > 0 } env ? env : [OciConstants.DefaultPathEnv];
        var args = Concat(config?.Entrypoint, config?.Cmd);
        var cwd = string.IsNullOrEmpty(config?.WorkingDir) ? "/" : config.WorkingDir;
        var setUser = WithUser(user);
        return spec => setUser(spec.EditProcess(p => p with
        {
            Env = SpecEdits.ReplaceOrAppendEnv(imageEnv, p.Env ?? []),
            Args = args,
            Cwd = cwd,
        }));
    }

    /// <summary>
    /// Kanto's <c>cmd</c>: replaces the image <c>Cmd</c> and keeps its <c>Entrypoint</c> (args = Entrypoint +
    /// <paramref name="cmd"/>). An empty or null <paramref name="cmd"/> leaves the args as they are.
    /// </summary>
    /// <param name="config">The image config's <c>config</c> object (for its Entrypoint); null = none.</param>
    /// <param name="cmd">The container's command; null or empty = keep the image's.</param>
    public static SpecOpt WithCmd(ImageProcessConfig? config, IReadOnlyList<string>? cmd)
    {
        if (cmd is null || cmd.Count == 0)
        {
            return spec => spec;
        }

        var args = Concat(config?.Entrypoint, cmd);
        return spec => spec.EditProcess(p => p with { Args = args });
    }

    /// <summary>Sets uid, gid and additional gids as given (already resolved; see <see cref="UserResolver"/>).</summary>
    /// <param name="user">The resolved user.</param>
    public static SpecOpt WithUser(ProcessUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ociUser = new OciUser { Uid = user.Uid, Gid = user.Gid, AdditionalGids = SpecEdits.NullIfEmpty([.. user.AdditionalGids]) };
        return spec => spec.EditProcess(p => p with { User = ociUser with { Umask = p.User.Umask } });
    }

    /// <summary>
    /// Merges <paramref name="env"/> into the process env: <c>KEY=value</c> replaces the entry with that key or is
    /// appended, a bare <c>KEY</c> removes it (containerd's <c>WithEnv</c>).
    /// </summary>
    /// <param name="env">Entries to merge, in order; empty = no change.</param>
    public static SpecOpt WithEnv(IReadOnlyList<string> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        string[] copy = [.. env];
        return copy.Length == 0
            ? spec => spec
            : spec => spec.EditProcess(p => p with { Env = SpecEdits.ReplaceOrAppendEnv(p.Env, copy) });
    }

    /// <summary>
    /// Sets <c>hostname</c> and the env entry <c>HOSTNAME=&lt;name&gt;</c> (Kanto's common options). Kanto appends
    /// the entry; we replace an existing <c>HOSTNAME</c> instead of duplicating it.
    /// </summary>
    /// <param name="hostname">Non-empty host name.</param>
    public static SpecOpt WithHostname(string hostname)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostname);
        string[] entry = [$"HOSTNAME={hostname}"];
        return spec => spec.EditProcess(p => p with { Env = SpecEdits.ReplaceOrAppendEnv(p.Env, entry) }) with
        {
            Hostname = hostname,
        };
    }

    /// <summary>Sets <c>domainname</c> (the UTS domain name; runc ≥ 1.0). Kanto stores it but never wrote it.</summary>
    /// <param name="domainname">Non-empty domain name.</param>
    public static SpecOpt WithDomainname(string domainname)
    {
        ArgumentException.ThrowIfNullOrEmpty(domainname);
        return spec => spec with { Domainname = domainname };
    }

    /// <summary>
    /// Sets <c>process.terminal</c>; with a terminal also the env entry <c>TERM=xterm</c> (Kanto). Open stdin has no
    /// spec field: it only decides whether the task gets a stdin FIFO.
    /// </summary>
    /// <param name="tty">Allocate a pseudo terminal.</param>
    public static SpecOpt WithTty(bool tty) => spec => spec.EditProcess(p => p with
    {
        Terminal = tty,
        Env = tty ? SpecEdits.ReplaceOrAppendEnv(p.Env, ["TERM=xterm"]) : p.Env,
    });

    // ---- capabilities and privileges --------------------------------------------------------------------------

    /// <summary>Adds capabilities to the bounding, effective and permitted sets, skipping ones already present.</summary>
    /// <param name="capabilities">Canonical <c>CAP_*</c> names; empty = no change.</param>
    public static SpecOpt WithCapabilities(IReadOnlyList<string> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        string[] copy = [.. capabilities.Distinct(StringComparer.Ordinal)];
        return copy.Length == 0 ? spec => spec : spec => spec.EditCapabilities(c => c with
        {
            Bounding = AddMissing(c.Bounding, copy),
            Effective = AddMissing(c.Effective, copy),
            Permitted = AddMissing(c.Permitted, copy),
        });
    }

    /// <summary>
    /// Sets bounding, effective and permitted to <paramref name="capabilities"/>, by default all 41 (inheritable and
    /// ambient unchanged).
    /// </summary>
    /// <param name="capabilities">The set to grant, e.g. the agent's own (<see cref="ProcessCapabilities.ReadCurrent"/>); null = all 41.</param>
    public static SpecOpt WithAllCapabilities(IReadOnlyList<string>? capabilities = null)
    {
        IReadOnlyList<string> all = capabilities is null ? LinuxCapabilityNames.All : [.. capabilities];
        return spec => spec.EditCapabilities(c => c with { Bounding = all, Effective = all, Permitted = all });
    }

    /// <summary>Removes <c>linux.maskedPaths</c>.</summary>
    public static SpecOpt WithoutMaskedPaths() => spec => spec.EditLinux(l => l with { MaskedPaths = null });

    /// <summary>Removes <c>linux.readonlyPaths</c>.</summary>
    public static SpecOpt WithoutReadonlyPaths() => spec => spec.EditLinux(l => l with { ReadonlyPaths = null });

    /// <summary>Turns the <c>ro</c> option of every sysfs and cgroup mount into <c>rw</c>.</summary>
    public static SpecOpt WithWritableSysfs() => spec => spec.Mounts is null ? spec : spec with
    {
        Mounts = [.. spec.Mounts.Select(m => m.Type is "sysfs" or "cgroup" && m.Options is not null
            ? m with { Options = [.. m.Options.Select(o => o == "ro" ? "rw" : o)] }
            : m)],
    };

    /// <summary>Removes <c>process.apparmorProfile</c> (unconfined).</summary>
    public static SpecOpt WithoutApparmor() => spec => spec.EditProcess(p => p with { ApparmorProfile = null });

    /// <summary>Appends the given host device nodes to <c>linux.devices</c> at their host paths (no cgroup rules).</summary>
    /// <param name="devices">Nodes, e.g. from <see cref="DeviceProbe.ReadHostDevices"/>.</param>
    public static SpecOpt WithHostDevices(IReadOnlyList<DeviceNode> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        OciDevice[] nodes = [.. devices.Select(d => ToOciDevice(d, d.Path))];
        return spec => spec.EditLinux(l => l with { Devices = SpecEdits.Append(l.Devices, nodes) });
    }

    /// <summary>Replaces all device cgroup rules by one that allows <c>rwm</c> on every device.</summary>
    public static SpecOpt WithAllDevicesAllowed() => spec => spec.EditResources(r => r with
    {
        Devices = [new OciDeviceCgroup(true, null, null, null, OciConstants.AllAccess)],
    });

    /// <summary>
    /// A privileged container, as containerd's <c>WithPrivileged</c> plus Kanto's host devices: all capabilities,
    /// no masked or read-only paths, writable sysfs, no AppArmor profile, every host device node, all devices allowed.
    /// </summary>
    /// <param name="hostDevices">The host's device nodes (<see cref="DeviceProbe.ReadHostDevices"/>); may be empty.</param>
    /// <param name="capabilities">The capabilities granted; null = all 41 (see <see cref="WithAllCapabilities"/>).</param>
    public static SpecOpt WithPrivileged(IReadOnlyList<DeviceNode> hostDevices, IReadOnlyList<string>? capabilities = null) => Compose(
        WithAllCapabilities(capabilities),
        WithoutMaskedPaths(),
        WithoutReadonlyPaths(),
        WithWritableSysfs(),
        WithoutApparmor(),
        WithHostDevices(hostDevices),
        WithAllDevicesAllowed());

    // ---- devices, mounts, resources ---------------------------------------------------------------------------

    /// <summary>
    /// Kanto's device mappings: for each rule a node in <c>linux.devices</c> at its container path (type, numbers,
    /// mode and owner of the host node) and an allow rule with the rule's permissions in <c>linux.resources.devices</c>.
    /// </summary>
    /// <param name="devices">Resolved mappings (<see cref="DeviceProbe.ReadMapping"/>); empty = no change.</param>
    public static SpecOpt WithDevices(IReadOnlyList<DeviceRule> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        OciDevice[] nodes = [.. devices.Select(d => ToOciDevice(d.Node, d.PathInContainer))];
        OciDeviceCgroup[] rules =
            [.. devices.Select(d => new OciDeviceCgroup(true, d.Node.TypeLetter, d.Node.Major, d.Node.Minor, d.Permissions))];
        return nodes.Length == 0 ? spec => spec : spec => spec
            .EditLinux(l => l with { Devices = SpecEdits.Append(l.Devices, nodes) })
            .EditResources(r => r with { Devices = SpecEdits.Append(r.Devices, rules) });
    }

    /// <summary>Appends bind mounts: type <c>bind</c>, options <c>rbind</c> and the propagation (Kanto's mount points).</summary>
    /// <param name="mounts">Mounts in order; empty = no change.</param>
    public static SpecOpt WithBindMounts(IReadOnlyList<BindMount> mounts)
    {
        ArgumentNullException.ThrowIfNull(mounts);
        OciMount[] added = [.. mounts.Select(m => Bind(m.Source, m.Destination, m.Propagation))];
        return spec => spec with { Mounts = SpecEdits.Append(spec.Mounts, added) };
    }

    /// <summary>
    /// Appends the bind mounts of the container's network files, rprivate, in Kanto's order: <c>/etc/resolv.conf</c>,
    /// <c>/etc/hostname</c>, <c>/etc/hosts</c>.
    /// </summary>
    /// <param name="files">Host paths of the three files.</param>
    public static SpecOpt WithHostFiles(HostFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        OciMount[] added =
        [
            Bind(files.ResolvConfPath, "/etc/resolv.conf", MountPropagation.RPrivate),
            Bind(files.HostnamePath, "/etc/hostname", MountPropagation.RPrivate),
            Bind(files.HostsPath, "/etc/hosts", MountPropagation.RPrivate),
        ];
        return spec => spec with { Mounts = SpecEdits.Append(spec.Mounts, added) };
    }

    /// <summary>
    /// Removes the default <c>/run</c> tmpfs so the image's own <c>/run</c> shows (Kanto §7.3). Only tmpfs mounts at
    /// <c>/run</c> go; the others keep their order (Kanto moves the last mount into the gap).
    /// </summary>
    public static SpecOpt WithoutRunTmpfs() => spec => spec.Mounts is null ? spec : spec with
    {
        Mounts = SpecEdits.NullIfEmpty([.. spec.Mounts.Where(m => !(m.Destination == "/run" && m.Type == "tmpfs"))]),
    };

    /// <summary>Sets <c>linux.resources.memory</c> to the given limits (replacing any); all-null limits = no change.</summary>
    /// <param name="limits">Limit, reservation and swap in bytes; swap -1 = unlimited.</param>
    public static SpecOpt WithMemory(MemoryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.IsEmpty
            ? spec => spec
            : spec => spec.EditResources(r => r with { Memory = new OciMemory(limits.Limit, limits.Reservation, limits.Swap) });
    }

    // ---- namespaces, cgroups, root ----------------------------------------------------------------------------

    /// <summary>
    /// Joins an existing network namespace (bridge mode: the one CNI set up, e.g. <c>/var/run/netns/&lt;id&gt;</c>):
    /// replaces the network entry in place, or appends one.
    /// </summary>
    /// <param name="path">Absolute path of the namespace file; non-empty.</param>
    public static SpecOpt WithNetworkNamespace(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var entry = new OciNamespace(OciConstants.NetworkNamespace, path);
        return spec => spec.EditLinux(l => l with
        {
            Namespaces = l.Namespaces?.Any(n => n.Type == OciConstants.NetworkNamespace) == true
                ? [.. l.Namespaces.Select(n => n.Type == OciConstants.NetworkNamespace ? entry : n)]
                : SpecEdits.Append(l.Namespaces, [entry]),
        });
    }

    /// <summary>
    /// Host network mode: removes the network namespace entry, so runc leaves the container in the host's namespace
    /// (Kanto instead points the entry at the host namespace; the effect is the same).
    /// </summary>
    public static SpecOpt WithHostNetwork() => spec => spec.Linux?.Namespaces is null ? spec : spec.EditLinux(l => l with
    {
        Namespaces = SpecEdits.NullIfEmpty([.. l.Namespaces!.Where(n => n.Type != OciConstants.NetworkNamespace)]),
    });

    /// <summary>Sets <c>linux.cgroupsPath</c> (see <see cref="CgroupsPaths"/>).</summary>
    /// <param name="path">Non-empty cgroups path.</param>
    public static SpecOpt WithCgroupsPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return spec => spec.EditLinux(l => l with { CgroupsPath = path });
    }

    /// <summary>Sets <c>root</c>.</summary>
    /// <param name="path">Root filesystem relative to the bundle (<c>rootfs</c>, what containerd mounts) or absolute.</param>
    /// <param name="readOnly">Mount it read-only; default false.</param>
    public static SpecOpt WithRootfs(string path, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var root = new OciRoot(path) { Readonly = readOnly };
        return spec => spec with { Root = root };
    }

    // ---- private helpers --------------------------------------------------------------------------------------

    private static IReadOnlyList<string>? Concat(IReadOnlyList<string>? first, IReadOnlyList<string>? second)
    {
        string[] all = [.. first ?? [], .. second ?? []];
        return all.Length == 0 ? null : all;
    }

    private static IReadOnlyList<string> AddMissing(IReadOnlyList<string>? list, string[] added) =>
        [.. list ?? [], .. added.Where(c => list?.Contains(c) != true)];

    private static OciMount Bind(string source, string destination, MountPropagation propagation) =>
        new(destination, OciConstants.BindMountType, source, ["rbind", BindMount.OptionOf(propagation)]);

    private static OciDevice ToOciDevice(DeviceNode node, string path) =>
        new(path, node.TypeLetter, node.Major, node.Minor, node.FileMode, node.Uid, node.Gid);
}
