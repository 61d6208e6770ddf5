using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>The spec profiles checked against <c>tests/testdata/oci/&lt;profile&gt;.json</c>, built from fixed facts.</summary>
internal static class SpecProfiles
{
    public const string ContainerId = "5b1c6a0e-8f43-4f7e-9d53-2a8f4c0b7e11";

    /// <summary>The image of the ctr capture (busybox-like: Cmd /bin/sh, no WorkingDir, no User).</summary>
    public static ImageProcessConfig CaptureImage { get; } = new()
    {
        Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "GREETING=hi"],
        Cmd = ["/bin/sh"],
    };

    /// <summary>An nginx-like image with every process default set.</summary>
    public static ImageProcessConfig WebImage { get; } = new()
    {
        User = "nginx",
        Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NGINX_VERSION=1.25.3"],
        Entrypoint = ["/docker-entrypoint.sh"],
        Cmd = ["nginx", "-g", "daemon off;"],
        WorkingDir = "/srv/www",
    };

    public const string WebPasswd = """
        root:x:0:0:root:/root:/bin/sh
        nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin
        """;

    public const string WebGroup = """
        root:x:0:
        www-data:x:33:nginx
        nginx:x:101:nginx
        adm:x:4:root,nginx
        """;

    public static IReadOnlyList<DeviceNode> FakeHostDevices { get; } =
    [
        new("/dev/null", DeviceType.Char, 1, 3, 0x1B6, 0, 0),
        new("/dev/sda", DeviceType.Block, 8, 0, 0x1B0, 0, 6),
        new("/dev/ttyUSB0", DeviceType.Char, 188, 0, 0x1B0, 0, 20),
    ];

    public static HostFiles KantoHostFiles { get; } = new(
        $"/var/lib/container-management/containers/{ContainerId}/resolv.conf",
        $"/var/lib/container-management/containers/{ContainerId}/hostname",
        $"/var/lib/container-management/containers/{ContainerId}/hosts");

    /// <summary>A Kanto bridge container with defaults only: hostname, domainname, host files, CNI namespace.</summary>
    public static ContainerSpecOptions KantoBase { get; } = new("kanto-cm", ContainerId)
    {
        Image = CaptureImage,
        HostName = "web-host",
        DomainName = "web-domain",
        HostFiles = KantoHostFiles,
        NetworkNamespacePath = $"/var/run/netns/{ContainerId}",
    };

    public static IReadOnlyDictionary<string, Func<OciSpec>> All { get; } = new Dictionary<string, Func<OciSpec>>
    {
        ["default"] = () => SpecOpts.Build(
            SpecOpts.WithDefaults("cfnotes", "c0"),
            SpecOpts.WithImageConfig(CaptureImage, ProcessUser.Root)),
        ["image-config"] = () => SpecOpts.Build(
            SpecOpts.WithDefaults("kanto-cm", ContainerId),
            SpecOpts.WithImageConfig(WebImage, UserResolver.Resolve(WebImage.User, WebPasswd, WebGroup).Value)),
        ["kanto-bridge"] = () => ContainerSpec.Build(KantoBase with
        {
            Image = WebImage,
            User = UserResolver.Resolve(WebImage.User, WebPasswd, WebGroup).Value,
            Cmd = ["nginx", "-c", "/etc/nginx/custom.conf"],
            Env = ["NGINX_VERSION=1.25.4", "LOG_LEVEL=debug"],
            Memory = new MemoryLimits(500L << 20, 300L << 20, 1000L << 20),
        }),
        ["privileged"] = () => ContainerSpec.Build(KantoBase with
        {
            Privileged = true,
            HostDevices = FakeHostDevices,
            ExtraCapabilities = ["CAP_NET_ADMIN"],
        }),
        ["devices"] = () => ContainerSpec.Build(KantoBase with
        {
            Devices = [new DeviceRule(FakeHostDevices[0], "/dev/mynull", "rwm")],
        }),
        ["mounts"] = () => ContainerSpec.Build(KantoBase with
        {
            Mounts =
            [
                new("/data/rprivate", "/mnt/rprivate", MountPropagation.RPrivate),
                new("/data/private", "/mnt/private", MountPropagation.Private),
                new("/data/rshared", "/mnt/rshared", MountPropagation.RShared),
                new("/data/shared", "/mnt/shared", MountPropagation.Shared),
                new("/data/rslave", "/mnt/rslave", MountPropagation.RSlave),
                new("/data/slave", "/mnt/slave", MountPropagation.Slave),
            ],
        }),
        ["host-network"] = () => ContainerSpec.Build(KantoBase with
        {
            HostNetwork = true,
            HostName = "edge-device",
        }),
        ["tty"] = () => ContainerSpec.Build(KantoBase with
        {
            Tty = true,
            ExtraCapabilities = ["CAP_NET_ADMIN", "CAP_SYS_TIME"],
        }),
    };
}
