namespace ContainerFactory.Runtime.Network;

/// <summary>
/// A container's <c>hosts</c>, <c>hostname</c> and <c>resolv.conf</c>: composed by a pure function, written by a small
/// I/O one into a per-container folder that the OCI spec bind-mounts (rprivate) over the image's files.
/// </summary>
public static class ContainerNetworkFiles
{
    /// <summary>File name of the hosts file in the folder.</summary>
    public const string HostsFileName = "hosts";

    /// <summary>File name of the hostname file in the folder.</summary>
    public const string HostnameFileName = "hostname";

    /// <summary>File name of the resolver file in the folder.</summary>
    public const string ResolvConfFileName = "resolv.conf";

    /// <summary>
    /// Bridge mode: <see cref="HostsFile.ForBridge"/> with the container's own line, <see cref="ResolvConfFile.ForBridge"/>
    /// of the host's resolver file. Host mode: <see cref="HostsFile.ForHost"/> and the host's <c>/etc/resolv.conf</c>
    /// verbatim (Kanto: OptionOriginResolvConfPath). Pure.
    /// </summary>
    public static NetworkFileSet Compose(NetworkFilesSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string hostname = spec.HostName + "\n";
        if (spec.Mode == ContainerNetworkMode.Host)
        {
            return new NetworkFileSet(HostsFile.ForHost(spec.ExtraHosts, spec.Host.Hosts), hostname, spec.Host.EtcResolvConf);
        }

        HostsEntry? self = spec.ContainerAddress is null ? null : HostsFile.SelfEntry(spec.ContainerAddress, spec.HostName, spec.DomainName);
        return new NetworkFileSet(HostsFile.ForBridge(spec.ExtraHosts, self), hostname, ResolvConfFile.ForBridge(spec.Host.ResolvConf));
    }

    /// <summary>
    /// Reads <c>&lt;etc&gt;/hosts</c> and <c>&lt;etc&gt;/resolv.conf</c>, and systemd-resolved's upstream file instead
    /// of the latter when <see cref="ResolvConfFile.SourcePath"/> says so and it exists. Missing files read as empty. Never throws.
    /// </summary>
    public static RuntimeResult<HostNetworkFiles> TryReadHostFiles(string etcDirectory = "/etc", string systemdResolvConf = ResolvConfFile.SystemdResolvedPath)
    {
        try
        {
            string hosts = ReadOrEmpty(Path.Combine(etcDirectory, "hosts"));
            string etcResolv = ReadOrEmpty(Path.Combine(etcDirectory, "resolv.conf"));
            string resolv = ResolvConfFile.SourcePath(etcResolv) == ResolvConfFile.SystemdResolvedPath && File.Exists(systemdResolvConf)
                ? File.ReadAllText(systemdResolvConf)
                : etcResolv;
            return new HostNetworkFiles(hosts, resolv, etcResolv);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot read the host's name-resolution files: {ex.Message}");
        }
    }

    /// <summary>
    /// Writes the three files into <paramref name="directory"/> (created when missing), mode 0644. Existing files are
    /// rewritten in place, like libnetwork does: they are bind-mounted into a running container, and a rename would leave
    /// the container on the old inode (extraHosts are refreshed when peers connect). Never throws.
    /// </summary>
    public static RuntimeResult TryWrite(string directory, NetworkFileSet files)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            Directory.CreateDirectory(directory);
            WriteInPlace(Path.Combine(directory, HostsFileName), files.Hosts);
            WriteInPlace(Path.Combine(directory, HostnameFileName), files.Hostname);
            WriteInPlace(Path.Combine(directory, ResolvConfFileName), files.ResolvConf);
            return RuntimeResult.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot write the network files in {directory}: {ex.Message}");
        }
    }

    /// <summary>
    /// Makes sure the folder and its three files exist, creating missing ones empty and leaving present ones as they
    /// are: the spec bind-mounts them when the task is created, before <see cref="TryWrite"/> may have run. Never throws.
    /// </summary>
    public static RuntimeResult TryEnsure(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        try
        {
            Directory.CreateDirectory(directory);
            foreach (string name in (ReadOnlySpan<string>)[HostsFileName, HostnameFileName, ResolvConfFileName])
            {
                string path = Path.Combine(directory, name);
                if (!File.Exists(path))
                {
                    WriteInPlace(path, "");
                }
            }

            return RuntimeResult.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot create the network files in {directory}: {ex.Message}");
        }
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static void WriteInPlace(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
