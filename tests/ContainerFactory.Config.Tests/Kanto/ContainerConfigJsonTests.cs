using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Tests.Kanto;

public sealed class ContainerConfigJsonTests
{
    private const string Id = "6f1d2c8e-0d6b-4c5e-9a57-1b2f0c3d4e5f";

    private const string FreshCreateConfig =
        $$$"""{"domainName":"{{{Id}}}-domain","hostName":"{{{Id}}}-host","restartPolicy":{"type":"UNLESS_STOPPED"},"networkMode":"BRIDGE","log":{"type":"JSON_FILE","maxFiles":2,"maxSize":"100M","mode":"BLOCKING"}}""";

    [Fact]
    public void ToJsonString_FreshCreate_IsKantoStatusConfig() =>
        Assert.Equal(FreshCreateConfig, ContainerConfigJson.ToJsonString(Apply(new CreateRequest("docker.io/library/hello-world:latest", null, false, null))));

    [Fact]
    public void ToJsonString_PortMapping_ShowsDefaultedMappingInKantoOrder() =>
        Assert.Equal(
            $$$"""{"domainName":"{{{Id}}}-domain","hostName":"{{{Id}}}-host","restartPolicy":{"type":"UNLESS_STOPPED"},"portMappings":[{"proto":"tcp","hostPort":5000,"hostPortEnd":5000,"containerPort":80,"hostIP":"0.0.0.0"}],"networkMode":"BRIDGE","log":{"type":"JSON_FILE","maxFiles":2,"maxSize":"100M","mode":"BLOCKING"}}""",
            ContainerConfigJson.ToJsonString(Apply(Requests.WithConfig("""{"portMappings":[{"hostPort":5000,"containerPort":80}]}"""))));

    [Fact]
    public void ToJsonString_Memory_ShowsDerivedSwap() =>
        Assert.Equal(
            $$$"""{"domainName":"{{{Id}}}-domain","hostName":"{{{Id}}}-host","restartPolicy":{"type":"UNLESS_STOPPED"},"networkMode":"BRIDGE","log":{"type":"JSON_FILE","maxFiles":2,"maxSize":"100M","mode":"BLOCKING"},"resources":{"memory":"500M","memorySwap":"1000M"}}""",
            ContainerConfigJson.ToJsonString(Apply(Requests.WithConfig("""{"resources":{"memory":"500M"}}"""))));

    [Fact]
    public void ToJsonString_EveryMember_WritesKantoFieldOrderAndUppercaseNames()
    {
        var request = Requests.CreateWithConfig("""
            {"imageRef":"i","name":"web","config":{
              "resources":{"memoryReservation":"100M","memory":"200M","memorySwap":"1G"},
              "log":{"maxBufferSize":"2M","mode":"non-blocking","rootDir":"/logs","maxSize":"10M","maxFiles":3,"type":"json-file"},
              "tty":true,"openStdin":true,"networkMode":"bridge",
              "portMappings":[{"hostIP":"10.0.0.1","containerPort":80,"hostPortEnd":8081,"hostPort":8080,"proto":"udp"}],
              "extraCapabilities":["net_admin"],"extraHosts":["db:host_ip"],
              "restartPolicy":{"type":"on-failure","retryTimeout":30.5,"maxRetryCount":5},
              "devices":[{"cgroupPermissions":"r","pathOnHost":"/dev/ttyACM0"}],
              "decryption":{"recipients":["pkcs7:/c.pem"],"keys":["/k.pem"]},
              "cmd":["run"],"env":["A=1"],"hostName":"h",
              "mountPoints":[{"propagationMode":"shared","destination":"/d","source":"/s"}],
              "domainName":"example.org"}}
            """);

        Assert.Equal(
            """{"domainName":"example.org","mountPoints":[{"source":"/s","destination":"/d","propagationMode":"SHARED"}],"hostName":"h","env":["A=1"],"cmd":["run"],"decryption":{"keys":["/k.pem"],"recipients":["pkcs7:/c.pem"]},"devices":[{"pathOnHost":"/dev/ttyACM0","pathInContainer":"/dev/ttyACM0","cgroupPermissions":"r"}],"restartPolicy":{"maxRetryCount":5,"retryTimeout":30,"type":"ON_FAILURE"},"extraHosts":["db:host_ip"],"extraCapabilities":["CAP_NET_ADMIN"],"portMappings":[{"proto":"udp","hostPort":8080,"hostPortEnd":8081,"containerPort":80,"hostIP":"10.0.0.1"}],"networkMode":"BRIDGE","openStdin":true,"tty":true,"log":{"type":"JSON_FILE","maxFiles":3,"maxSize":"10M","rootDir":"/logs","mode":"NON_BLOCKING","maxBufferSize":"2M"},"resources":{"memory":"200M","memoryReservation":"100M","memorySwap":"1G"}}""",
            ContainerConfigJson.ToJsonString(Apply(request)));
    }

    [Fact]
    public void ToJsonString_PrivilegedHostNone_WritesPrivilegedHostAndNoneDriver() =>
        Assert.Equal(
            $$$"""{"domainName":"{{{Id}}}-domain","hostName":"{{{Id}}}-host","privileged":true,"restartPolicy":{"type":"NO"},"networkMode":"HOST","log":{"type":"NONE","mode":"BLOCKING"}}""",
            ContainerConfigJson.ToJsonString(Apply(Requests.WithConfig("""{"privileged":true,"extraCapabilities":["NET_ADMIN"],"networkMode":"HOST","restartPolicy":{"type":"no"},"log":{"type":"none"}}"""))));

    [Fact]
    public void ToNormalizedJsonString_PlainCreate_WritesImageNameStartAndConfig() =>
        Assert.Equal(
            $$$"""{"imageRef":"docker.io/library/hello-world:latest","name":"{{{Id}}}","start":false,"config":{{{FreshCreateConfig}}}}""",
            ContainerConfigJson.ToNormalizedJsonString(Apply(new CreateRequest("docker.io/library/hello-world:latest", null, false, null)), start: false));

    [Fact]
    public void WriteNormalized_ToWriter_WritesOneValue()
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            ContainerConfigJson.WriteNormalized(writer, Apply(Requests.CreateWithConfig("""{"imageRef":"i","name":"web"}""")), start: true);
        }

        Assert.Equal(
            """{"imageRef":"i","name":"web","start":true,"config":{"domainName":"web-domain","hostName":"web-host","restartPolicy":{"type":"UNLESS_STOPPED"},"networkMode":"BRIDGE","log":{"type":"JSON_FILE","maxFiles":2,"maxSize":"100M","mode":"BLOCKING"}}}""",
            System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static ContainerConfig Apply(CreateRequest request)
    {
        Assert.Empty(ContainerValidation.Validate(request));
        return ContainerDefaults.Apply(Id, request);
    }
}
