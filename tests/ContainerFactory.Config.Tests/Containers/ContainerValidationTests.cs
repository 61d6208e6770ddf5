using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Tests.Containers;

public sealed class ContainerValidationTests
{
    /// <summary>One row per Kanto rule (kanto-protocol §3.6 items 2–11), in Kanto's order: the config breaks exactly that rule.</summary>
    [Theory]
    [InlineData("""{"config":{}}""", "imageRef must be set", "imageRef")]
    [InlineData("""{"imageRef":"i","name":"-web"}""", "invalid container name format : -web", "name")]
    [InlineData("""{"imageRef":"i","name":"web server"}""", "invalid container name format : web server", "name")]
    [InlineData("""{"imageRef":"i","config":{"mountPoints":[{"destination":"/data"}]}}""", "source and destination must be set for a mount point", "config.mountPoints[0]")]
    [InlineData("""{"imageRef":"i","config":{"mountPoints":[{"source":"/srv"}]}}""", "source and destination must be set for a mount point", "config.mountPoints[0]")]
    [InlineData("""{"imageRef":"i","config":{"mountPoints":[{"source":"/a","destination":"/a"},{"source":"/s","destination":"/d","propagationMode":"bind"}]}}""", "propagation mode must be set to one of the supported modes", "config.mountPoints[1].propagationMode")]
    [InlineData("""{"imageRef":"i","config":{"privileged":true,"devices":[{"pathOnHost":"/dev/ttyACM0"}]}}""", "cannot create the container as privileged and with specified devices at the same time - choose one of the options", "config.devices")]
    [InlineData("""{"imageRef":"i","config":{"networkMode":"overlay"}}""", "unsupported network mode overlay", "config.networkMode")]
    [InlineData("""{"imageRef":"i","config":{"networkMode":"HOST","portMappings":[{"hostPort":80,"containerPort":80}]}}""", "cannot use port mappings when in host network mode", "config.portMappings")]
    [InlineData("""{"imageRef":"i","config":{"networkMode":"host","extraHosts":["db:10.0.0.2","ctrhost:host_ip"]}}""", "cannot use the host_ip reserved key or any of its modifications when in host network mode", "config.extraHosts[1]")]
    [InlineData("""{"imageRef":"i","config":{"networkMode":"host","extraHosts":["ctrhost:host_ip_eth0"]}}""", "cannot use the host_ip reserved key or any of its modifications when in host network mode", "config.extraHosts[0]")]
    [InlineData("""{"imageRef":"i","config":{"devices":[{"pathInContainer":"/dev/ttyUSB0"}]}}""", "both path on the host and in the container must be specified for a device mapping", "config.devices[0]")]
    [InlineData("""{"imageRef":"i","config":{"log":{"type":"syslog"}}}""", "unsupported log driver configuration", "config.log.type")]
    [InlineData("""{"imageRef":"i","config":{"log":{"maxFiles":-1}}}""", "max log files cannot be < 1", "config.log.maxFiles")]
    [InlineData("""{"imageRef":"i","config":{"log":{"maxSize":"100"}}}""", "invalid format of max logs size - 100", "config.log.maxSize")]
    [InlineData("""{"imageRef":"i","config":{"log":{"mode":"async"}}}""", "unsupported log mode configuration", "config.log.mode")]
    [InlineData("""{"imageRef":"i","config":{"log":{"mode":"NON_BLOCKING","maxBufferSize":"1X"}}}""", "invalid format of max buffer size - 1X", "config.log.maxBufferSize")]
    [InlineData("""{"imageRef":"i","config":{"restartPolicy":{}}}""", "unsupported restart policy type ", "config.restartPolicy.type")]
    [InlineData("""{"imageRef":"i","config":{"restartPolicy":{"type":"sometimes"}}}""", "unsupported restart policy type sometimes", "config.restartPolicy.type")]
    [InlineData("""{"imageRef":"i","config":{"restartPolicy":{"type":"on-failure","maxRetryCount":-1}}}""", "restart policy max retry count cannot be negative", "config.restartPolicy.maxRetryCount")]
    [InlineData("""{"imageRef":"i","config":{"restartPolicy":{"type":"ON_FAILURE","retryTimeout":-0.5}}}""", "restart policy retry timeout cannot be negative", "config.restartPolicy.retryTimeout")]
    [InlineData("""{"imageRef":"i","config":{"restartPolicy":{"type":"UNLESS_STOPPED","maxRetryCount":3}}}""", "cannot use max retry count when the restart policy is unless-stopped", "config.restartPolicy.maxRetryCount")]
    [InlineData("""{"imageRef":"i","config":{"resources":{"memory":"lots"}}}""", "invalid format of memory - lots", "config.resources.memory")]
    [InlineData("""{"imageRef":"i","config":{"resources":{"memory":"100M","memoryReservation":"1X"}}}""", "invalid format of memory reservation - 1X", "config.resources.memoryReservation")]
    [InlineData("""{"imageRef":"i","config":{"resources":{"memory":"100M","memorySwap":"2X"}}}""", "invalid format of swap memory - 2X", "config.resources.memorySwap")]
    [InlineData("""{"imageRef":"i","config":{"resources":{"memory":"2M"}}}""", "minimum memory allowed is 3M", "config.resources.memory")]
    [InlineData("""{"imageRef":"i","config":{"resources":{"memorySwap":"1G"}}}""", "swap memory - 1G, memory must be set as well", "config.resources.memorySwap")]
    [InlineData("""{"imageRef":"i","config":{"resources":{"memory":"1G","memorySwap":"500M"}}}""", "swap memory - 500M is less than memory - 1G", "config.resources.memorySwap")]
    [InlineData("""{"imageRef":"i","config":{"resources":{"memory":"100M","memoryReservation":"200M"}}}""", "reservation memory - 200M must be lower than memory - 100M", "config.resources.memoryReservation")]
    [InlineData("""{"imageRef":"i","config":{"env":["PATH=/bin","1BAD=x"]}}""", "invalid environmental variable declaration provided : 1BAD=x", "config.env[1]")]
    [InlineData("""{"imageRef":"i","config":{"env":["A=multi\nline"]}}""", "invalid environmental variable declaration provided : A=multi\nline", "config.env[0]")]
    public void Validate_KantoRuleBroken_ReturnsKantoMessageAndPath(string json, string message, string path) =>
        AssertSingleIssue(Requests.CreateWithConfig(json), message, path);

    /// <summary>One row per rule we add (PRODUCT.md §2.3).</summary>
    [Theory]
    [InlineData("""{"devices":[{"pathOnHost":"/dev/x","cgroupPermissions":"rwx"}]}""", "invalid cgroup permissions rwx - must be a combination of r, w and m, each at most once", "config.devices[0].cgroupPermissions")]
    [InlineData("""{"devices":[{"pathOnHost":"/dev/x","cgroupPermissions":"rr"}]}""", "invalid cgroup permissions rr - must be a combination of r, w and m, each at most once", "config.devices[0].cgroupPermissions")]
    [InlineData("""{"extraCapabilities":["NET_ADMIN","CAP_FLY"]}""", "unknown Linux capability CAP_FLY", "config.extraCapabilities[1]")]
    [InlineData("""{"portMappings":[{"hostPort":80}]}""", "container port must be between 1 and 65535", "config.portMappings[0].containerPort")]
    [InlineData("""{"portMappings":[{"hostPort":0,"containerPort":80}]}""", "host port must be between 1 and 65535", "config.portMappings[0].hostPort")]
    [InlineData("""{"portMappings":[{"hostPort":5005,"hostPortEnd":5000,"containerPort":80}]}""", "host port end 5000 must not be lower than host port 5005", "config.portMappings[0].hostPortEnd")]
    [InlineData("""{"portMappings":[{"proto":"sctp","hostPort":80,"containerPort":80}]}""", "unsupported protocol sctp - must be tcp or udp", "config.portMappings[0].proto")]
    [InlineData("""{"portMappings":[{"hostIP":"localhost","hostPort":80,"containerPort":80}]}""", "host IP localhost is not an IPv4 or IPv6 address", "config.portMappings[0].hostIP")]
    [InlineData("""{"portMappings":[{"hostIP":"127.1","hostPort":80,"containerPort":80}]}""", "host IP 127.1 is not an IPv4 or IPv6 address", "config.portMappings[0].hostIP")]
    [InlineData("""{"log":{"rootDir":"var/log"}}""", "root dir for container log, var/log should be an absolute path", "config.log.rootDir")]
    [InlineData("""{"resources":{"memory":"5000000000G"}}""", "memory - 5000000000G is too large to derive the default swap memory of twice the memory", "config.resources.memory")]
    public void Validate_ExtraRuleBroken_ReturnsOurMessageAndPath(string config, string message, string path) =>
        AssertSingleIssue(Requests.WithConfig(config), message, path);

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"domainName":"","hostName":"","env":[],"cmd":[],"networkMode":"","resources":{"memory":"","memoryReservation":"","memorySwap":""},"log":{"rootDir":""}}""")]
    [InlineData("""{"networkMode":"BRIDGE","restartPolicy":{"type":"ALWAYS"},"log":{"type":"JSON_FILE","mode":"BLOCKING"}}""")]
    [InlineData("""{"networkMode":"Host","extraHosts":["db:10.0.0.2","x:host_ipv6",":host_ip","x:host_ip_","x:host_ip\nz"]}""")]
    [InlineData("""{"mountPoints":[{"source":"/a","destination":"/b","propagationMode":"shared"},{"source":"/c","destination":"/d","propagationMode":"RSlave"}]}""")]
    [InlineData("""{"devices":[{"pathOnHost":"/dev/ttyACM0","cgroupPermissions":"mr"}]}""")]
    [InlineData("""{"privileged":true,"devices":[],"extraCapabilities":["not-a-capability"]}""")]
    [InlineData("""{"extraCapabilities":["net_admin","CAP_SYS_TIME","cap_checkpoint_restore"]}""")]
    [InlineData("""{"portMappings":[{"proto":"UDP","hostIP":"::1","hostPort":53,"containerPort":53},{"hostIP":"192.168.1.10","hostPort":5000,"hostPortEnd":5005,"containerPort":80}]}""")]
    [InlineData("""{"restartPolicy":{"type":"on-failure","maxRetryCount":3,"retryTimeout":10.7}}""")]
    [InlineData("""{"restartPolicy":{"type":"no","retryTimeout":-1}}""")]
    [InlineData("""{"log":{"type":"none","maxFiles":-5,"maxSize":"junk","mode":"blocking","maxBufferSize":"junk"}}""")]
    [InlineData("""{"log":{"type":"json-file","maxFiles":0,"maxSize":"1b","rootDir":"/var/log/ctr","mode":"non-blocking"}}""")]
    [InlineData("""{"resources":{"memory":"3M","memoryReservation":"3M","memorySwap":"-1"}}""")]
    [InlineData("""{"resources":{"memory":"0M","memorySwap":"0M"}}""")]
    [InlineData("""{"env":["A","_b=","C_1=x=y"]}""")]
    public void Validate_ValidConfig_ReturnsNoIssue(string config) =>
        Assert.Empty(ContainerValidation.Validate(Requests.WithConfig(config)));

    [Fact]
    public void Validate_PublishedExample_ReturnsMountThenDeviceIssue()
    {
        Assert.True(Config.Kanto.KantoDecoder.TryDecodeCreateWithConfig(
            Requests.ExampleValue("createWithConfig.request.json"), out var request, out _));

        var issues = ContainerValidation.Validate(request);

        Assert.Equal(
            [
                new ConfigIssue("source and destination must be set for a mount point", "config.mountPoints[0]"),
                new ConfigIssue("both path on the host and in the container must be specified for a device mapping", "config.devices[0]"),
            ],
            issues);
    }

    [Fact]
    public void Validate_ManyIssues_ReturnsAllInKantoOrderThenOurs()
    {
        var request = Requests.CreateWithConfig("""
            {"imageRef":"","name":"bad name","config":{
              "env":["=x"],"portMappings":[{"hostPort":80}],"resources":{"memory":"1M"},
              "restartPolicy":{"type":"never"},"log":{"type":"gelf"},"devices":[{}],
              "networkMode":"none","mountPoints":[{}]}}
            """);

        var paths = ContainerValidation.Validate(request).Select(i => i.Path);

        Assert.Equal(
            [
                "imageRef", "name", "config.mountPoints[0]", "config.networkMode", "config.devices[0]", "config.log.type",
                "config.restartPolicy.type", "config.resources.memory", "config.env[0]", "config.portMappings[0].containerPort",
            ],
            paths);
    }

    [Fact]
    public void Validate_NullElements_AreCheckedAsEmptyEntries()
    {
        var request = Requests.WithConfig("""{"mountPoints":[null],"devices":[null],"env":[null]}""");

        Assert.Equal(
            ["config.mountPoints[0]", "config.devices[0]", "config.env[0]"],
            ContainerValidation.Validate(request).Select(i => i.Path));
    }

    [Fact]
    public void Format_Issue_AppendsPathInParentheses() =>
        Assert.Equal(
            "minimum memory allowed is 3M (config.resources.memory)",
            new ConfigIssue("minimum memory allowed is 3M", "config.resources.memory").Format());

    [Fact]
    public void FromIssues_TwoIssues_JoinsFormattedIssuesAsInvalidConfig() =>
        Assert.Equal(
            new ConfigError(ConfigErrorKind.InvalidConfig, "imageRef must be set (imageRef); invalid container name format : -x (name)"),
            ConfigError.FromIssues([new("imageRef must be set", "imageRef"), new("invalid container name format : -x", "name")]));

    private static void AssertSingleIssue(CreateRequest request, string message, string path) =>
        Assert.Equal([new ConfigIssue(message, path)], ContainerValidation.Validate(request));
}
