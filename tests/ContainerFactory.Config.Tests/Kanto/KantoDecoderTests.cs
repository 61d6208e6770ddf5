using System.Text;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Tests.Kanto;

public sealed class KantoDecoderTests
{
    [Fact]
    public void TryDecodeCreate_ImageAndStart_ReturnsRequest()
    {
        Assert.True(KantoDecoder.TryDecodeCreate("""{"imageRef":"docker.io/library/hello-world:latest","start":true}"""u8, out var request, out var error));
        Assert.Null(error);
        Assert.Equal(new CreateRequest("docker.io/library/hello-world:latest", null, true, null), request);
    }

    [Fact]
    public void TryDecodeCreate_NameAndConfig_AreIgnored()
    {
        Assert.True(KantoDecoder.TryDecodeCreate("""{"imageRef":"i","name":"n","config":{"tty":true}}"""u8, out var request, out _));
        Assert.Equal(new CreateRequest("i", null, false, null), request);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("""{"imageRef":null,"start":null}""")]
    public void TryDecodeCreate_NothingGiven_ReturnsEmptyImageNoStart(string json)
    {
        Assert.True(KantoDecoder.TryDecodeCreate(Encoding.UTF8.GetBytes(json), out var request, out _));
        Assert.Equal(new CreateRequest("", null, false, null), request);
    }

    [Fact]
    public void TryDecodeCreate_KeysInOtherCase_MatchCaseInsensitively()
    {
        Assert.True(KantoDecoder.TryDecodeCreate("""{"IMAGEREF":"i","Start":true}"""u8, out var request, out _));
        Assert.Equal(new CreateRequest("i", null, true, null), request);
    }

    [Fact]
    public void TryDecodeCreate_UnknownKeysAndTrailingCommas_AreAccepted()
    {
        Assert.True(KantoDecoder.TryDecodeCreate("""{"imageRef":"i","extra":{"a":[1,2,]},"start":true,}"""u8, out var request, out _));
        Assert.Equal(new CreateRequest("i", null, true, null), request);
    }

    [Fact]
    public void TryDecodeCreateWithConfig_NullConfig_ActsLikeCreate()
    {
        Assert.True(KantoDecoder.TryDecodeCreateWithConfig("""{"imageRef":"image:latest","start":true,"config":null}"""u8, out var request, out _));
        Assert.Equal(new CreateRequest("image:latest", null, true, null), request);
    }

    [Fact]
    public void TryDecodeCreateWithConfig_NameAndConfig_AreKept()
    {
        Assert.True(KantoDecoder.TryDecodeCreateWithConfig(
            """{"imageRef":"i","name":"web","config":{"TTY":true,"portMappings":[{"hostport":5000,"containerPort":80}]}}"""u8,
            out var request, out _));

        Assert.Equal("web", request.Name);
        Assert.True(request.Config!.Tty);
        Assert.Equal((ushort)5000, request.Config.PortMappings![0]!.HostPort);
        Assert.Equal((ushort)80, request.Config.PortMappings[0]!.ContainerPort);
    }

    [Fact]
    public void TryDecodeCreateWithConfig_PublishedExample_DecodesEveryMember()
    {
        Assert.True(KantoDecoder.TryDecodeCreateWithConfig(Requests.ExampleValue("createWithConfig.request.json"), out var request, out var error));
        Assert.Null(error);

        Assert.Equal(("docker.io/library/influxdb:1.8.4", (string?)null, true), (request.ImageRef, request.Name, request.Start));
        var config = request.Config!;
        Assert.Equal(["ctrhost:host_ip"], config.ExtraHosts!);
        Assert.Equal("bridge", config.NetworkMode);
        Assert.Equal(new KantoMountPoint { Source = "", Destination = "", PropagationMode = "rprivate" }, config.MountPoints![0]);
        Assert.Equal(new KantoDeviceMapping { PathOnHost = "", PathInContainer = "", CgroupPermissions = "rwm" }, config.Devices![0]);
        Assert.Equal(new KantoRestartPolicy { Type = "unless-stopped", MaxRetryCount = 0, RetryTimeout = 0 }, config.RestartPolicy);
        Assert.Equal(
            new KantoPortMapping { Proto = "tcp", ContainerPort = 80, HostIP = "0.0.0.0", HostPort = 5000, HostPortEnd = 5005 },
            config.PortMappings![0]);
        Assert.Equal(
            new KantoLogConfig { Type = "json-file", MaxFiles = 2, MaxSize = "100M", RootDir = "", Mode = "blocking", MaxBufferSize = "1M" },
            config.Log);
        Assert.Equal(new KantoResources { Memory = "", MemoryReservation = "", MemorySwap = "" }, config.Resources);
        Assert.Empty(config.Decryption!.Keys!);
    }

    [Fact]
    public void TryDecodeCreateWithConfig_RetryTimeoutFraction_IsKeptAsNumber()
    {
        Assert.True(KantoDecoder.TryDecodeCreateWithConfig("""{"config":{"restartPolicy":{"type":"on-failure","retryTimeout":10.9}}}"""u8, out var request, out _));
        Assert.Equal(10.9, request.Config!.RestartPolicy!.RetryTimeout);
    }

    [Theory]
    [InlineData("\"x\"", "cannot decode value: expected object (value)")]
    [InlineData("[]", "cannot decode value: expected object (value)")]
    [InlineData("""{"config":"s"}""", "cannot decode value: expected object (config)")]
    [InlineData("""{"config":{"portMappings":[{"hostPort":70000,"containerPort":80}]}}""", "cannot decode value: expected integer between 0 and 65535 (config.portMappings[0].hostPort)")]
    [InlineData("""{"config":{"portMappings":[{"containerPort":-1}]}}""", "cannot decode value: expected integer between 0 and 65535 (config.portMappings[0].containerPort)")]
    [InlineData("""{"CONFIG":{"PortMappings":[{},{"HOSTPORTEND":1.5}]}}""", "cannot decode value: expected integer between 0 and 65535 (config.portMappings[1].hostPortEnd)")]
    [InlineData("""{"config":{"portMappings":{}}}""", "cannot decode value: expected array (config.portMappings)")]
    [InlineData("""{"config":{"mountPoints":[1]}}""", "cannot decode value: expected object (config.mountPoints[0])")]
    [InlineData("""{"config":{"env":["A",1]}}""", "cannot decode value: expected string (config.env[1])")]
    [InlineData("""{"imageRef":1}""", "cannot decode value: expected string (imageRef)")]
    [InlineData("""{"imageRef":"i","start":"true"}""", "cannot decode value: expected boolean (start)")]
    [InlineData("""{"config":{"privileged":1}}""", "cannot decode value: expected boolean (config.privileged)")]
    [InlineData("""{"config":{"restartPolicy":{"retryTimeout":"10"}}}""", "cannot decode value: expected number (config.restartPolicy.retryTimeout)")]
    [InlineData("""{"config":{"restartPolicy":{"maxRetryCount":1.5}}}""", "cannot decode value: expected integer (config.restartPolicy.maxRetryCount)")]
    [InlineData("""{"config":{"log":{"maxFiles":3000000000}}}""", "cannot decode value: expected integer (config.log.maxFiles)")]
    [InlineData("""{"config":{"resources":{"memory":500}}}""", "cannot decode value: expected string (config.resources.memory)")]
    [InlineData("""{"config":{"decryption":{"keys":"k"}}}""", "cannot decode value: expected array (config.decryption.keys)")]
    [InlineData("""{"imageRef":""", "cannot decode value: malformed JSON (value)")]
    [InlineData("""{"imageRef":"i"} {}""", "cannot decode value: malformed JSON (value)")]
    [InlineData("""{"imageRef":"i" /* c */}""", "cannot decode value: malformed JSON (value)")]
    [InlineData("""{'imageRef':'i'}""", "cannot decode value: malformed JSON (value)")]
    public void TryDecodeCreateWithConfig_WrongTypeOrSyntax_ReturnsInvalidValueWithPath(string json, string message)
    {
        Assert.False(KantoDecoder.TryDecodeCreateWithConfig(Encoding.UTF8.GetBytes(json), out var request, out var error));
        Assert.Null(request);
        Assert.Equal(new ConfigError(ConfigErrorKind.InvalidValue, message), error);
    }

    [Fact]
    public void TryDecodeCreate_StringValue_ReturnsInvalidValue()
    {
        Assert.False(KantoDecoder.TryDecodeCreate("\"{invalid : \\\"invalid\\\"}\""u8, out _, out var error));
        Assert.Equal(new ConfigError(ConfigErrorKind.InvalidValue, "cannot decode value: expected object (value)"), error);
    }
}
