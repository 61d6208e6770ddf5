using System.Text;
using System.Text.Json;
using ContainerFactory.Agent.Cli;
using ContainerFactory.Agent.Tests.Support;

namespace ContainerFactory.Agent.Tests.Cli;

public class ValidateCommandTests
{
    private static (int Code, string Stdout, string Stderr) Run(string[] args, byte[]? stdin = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, new MemoryStream(stdin ?? []), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Validate_PublishedCreateWithConfigFile_Exit1WithTheErrorReply()
    {
        (int code, string stdout, string stderr) = Run(["validate", TestData.PathOf("examples", "createWithConfig.request.json")]);

        Assert.Equal(1, code);
        Assert.Equal("reply topic: command//edge:device/res//createWithConfig\n", stderr);
        Assert.Contains("\"message\":\"source and destination must be set for a mount point (config.mountPoints[0])\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OneWayInvalidMessage_SaysNoReplyWouldBePublished()
    {
        byte[] payload = Encoding.UTF8.GetBytes("{\"topic\":\"edge/device/things/live/messages/create\",\"headers\":{\"correlation-id\":\"c\",\"content-type\":\"application/json\"},\"path\":\"/features/ContainerFactory/inbox/messages/create\",\"value\":{}}");

        (int code, string stdout, string stderr) = Run(["validate", "-"], payload);

        Assert.Equal(1, code);
        Assert.Equal("no reply would be published for command//edge:device/req//create (one-way: see response-required)\n", stderr);
        Assert.Contains("\"message\":\"imageRef must be set (imageRef)\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidCreateWithTopicAndThing_PrintsTheNormalizedCommand()
    {
        byte[] payload = Encoding.UTF8.GetBytes("{\"topic\":\"edge/device:edge:containers/things/live/messages/createWithConfig\",\"headers\":{\"correlation-id\":\"c\",\"content-type\":\"application/json\"},\"path\":\"/features/ContainerFactory/inbox/messages/createWithConfig\",\"value\":{\"imageRef\":\"nginx\",\"name\":\"web\",\"config\":{\"resources\":{\"memory\":\"500M\"},\"portMappings\":[{\"hostPort\":5000,\"containerPort\":80}]}}}");

        (int code, string stdout, string stderr) = Run(
            ["validate", "--thing-id", "edge:device:edge:containers", "--topic", "command//edge:device:edge:containers/req/r1/createWithConfig", "-"], payload);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using JsonDocument document = JsonDocument.Parse(stdout);
        JsonElement root = document.RootElement;
        Assert.Equal("web", root.GetProperty("name").GetString());
        Assert.False(root.GetProperty("start").GetBoolean());
        JsonElement config = root.GetProperty("config");
        Assert.Equal("web-host", config.GetProperty("hostName").GetString());
        Assert.Equal("web-domain", config.GetProperty("domainName").GetString());
        Assert.Equal("{\"memory\":\"500M\",\"memorySwap\":\"1000M\"}", config.GetProperty("resources").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal("{\"proto\":\"tcp\",\"hostPort\":5000,\"hostPortEnd\":5000,\"containerPort\":80,\"hostIP\":\"0.0.0.0\"}",
            config.GetProperty("portMappings")[0].GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ThingMismatch_Exit1With404()
    {
        (int code, string stdout, _) = Run(
            ["validate", "--thing-id", "other:thing", TestData.PathOf("examples", "create.request.json")]);

        Assert.Equal(1, code);
        Assert.Contains("\"message\":\"thing with ID = edge:device is not found\"},\"status\":404}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotACommandTopic_Exit1AndSaysIgnored()
    {
        (int code, string stdout, string stderr) = Run(
            ["validate", "--topic", "e/t/x", TestData.PathOf("examples", "create.request.json")]);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal("validate: topic e/t/x is not a command topic; the agent ignores such messages\n", stderr);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("a.json", "b.json")]
    public void Validate_BadArguments_ExitsWithUsageError(params string[] args)
    {
        (int code, _, string stderr) = Run(["validate", .. args]);

        Assert.Equal(2, code);
        Assert.StartsWith("validate: unexpected argument", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_ExitsWithUsageError()
    {
        (int code, _, string stderr) = Run(["frobnicate"]);

        Assert.Equal(2, code);
        Assert.Equal("container-factory: unknown command 'frobnicate'; see 'container-factory --help'\n", stderr);
    }

    [Fact]
    public void Version_PrintsVersionLine()
    {
        (int code, string stdout, _) = Run(["version"]);

        Assert.Equal(0, code);
        Assert.Matches(@"^container-factory \d+\.\d+\.\d+ linux-x64\n$", stdout);
    }
}
