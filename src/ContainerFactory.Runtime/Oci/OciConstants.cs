namespace ContainerFactory.Runtime.Oci;

/// <summary>OCI runtime-spec values the spec options write (runtime-spec 1.0.2, containerd 1.6 defaults).</summary>
public static class OciConstants
{
    /// <summary><c>ociVersion</c> containerd 1.6 writes (its vendored runtime-spec).</summary>
    public const string Version = "1.0.2-dev";

    /// <summary>Root filesystem path relative to the bundle, as containerd sets it.</summary>
    public const string DefaultRootfsPath = "rootfs";

    /// <summary>The <c>PATH</c> entry used when the image config has no <c>Env</c> at all.</summary>
    public const string DefaultPathEnv = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Device cgroup access: read, write, mknod.</summary>
    public const string AllAccess = "rwm";

    /// <summary>Namespace type <c>pid</c>.</summary>
    public const string PidNamespace = "pid";

    /// <summary>Namespace type <c>ipc</c>.</summary>
    public const string IpcNamespace = "ipc";

    /// <summary>Namespace type <c>uts</c>.</summary>
    public const string UtsNamespace = "uts";

    /// <summary>Namespace type <c>mount</c>.</summary>
    public const string MountNamespace = "mount";

    /// <summary>Namespace type <c>network</c>.</summary>
    public const string NetworkNamespace = "network";

    /// <summary>Mount type of bind mounts.</summary>
    public const string BindMountType = "bind";
}
