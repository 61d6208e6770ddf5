using System.Text;
using System.Text.Json;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Tests.Support;

namespace ContainerFactory.Agent.Tests.Commands;

/// <summary>The examples of the published API page, sent verbatim on the topics the page names.</summary>
public class PublishedExampleTests
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true };

    [Fact]
    public void Create_PublishedRequest_AnsweredAsThePublishedResponse()
    {
        OutboundMessage? reply = CommandReaderVectorTests.Reply(
            "command//edge:device/req//create", TestData.Bytes("examples", "create.request.json"));

        Assert.NotNull(reply);
        Assert.Equal("command//edge:device/res//create", reply.Topic);
        using JsonDocument actual = JsonDocument.Parse(reply.Payload);
        using JsonDocument published = JsonDocument.Parse(TestData.Bytes("examples", "create.response.json"), Lenient);
        AssertSameEnvelope(published.RootElement, actual.RootElement, CommandReaderVectorTests.NewId);
        Assert.Equal(200, actual.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public void CreateWithConfig_PublishedRequest_Answered400OnThePublishedTopic()
    {
        OutboundMessage? reply = CommandReaderVectorTests.Reply(
            "command//edge:device/req//createWithConfig", TestData.Bytes("examples", "createWithConfig.request.json"));

        Assert.NotNull(reply);
        Assert.Equal("command//edge:device/res//createWithConfig", reply.Topic);
        Assert.Equal(
            "{\"topic\":\"edge/device/things/live/messages/createWithConfig\",\"headers\":{\"content-type\":\"application/json\",\"correlation-id\":\"<UUID>\"},\"path\":\"/features/ContainerFactory/outbox/messages/createWithConfig\",\"value\":{\"error\":\"messages:parameter.invalid\",\"status\":400,\"message\":\"source and destination must be set for a mount point (config.mountPoints[0])\",\"description\":\"both path on the host and in the container must be specified for a device mapping (config.devices[0])\"},\"status\":400}",
            Encoding.UTF8.GetString(reply.Payload.Span));
    }

    [Fact]
    public void CreateWithConfig_PublishedRequestWithRealPaths_AnsweredWithTheContainerId()
    {
        string request = Encoding.UTF8.GetString(TestData.Bytes("examples", "createWithConfig.request.json"))
            .Replace("\"source\": \"\"", "\"source\": \"/tmp\"", StringComparison.Ordinal)
            .Replace("\"destination\": \"\"", "\"destination\": \"/data\"", StringComparison.Ordinal)
            .Replace("\"pathOnHost\": \"\"", "\"pathOnHost\": \"/dev/null\"", StringComparison.Ordinal)
            .Replace("\"pathInContainer\": \"\"", "\"pathInContainer\": \"/dev/mynull\"", StringComparison.Ordinal);

        OutboundMessage? reply = CommandReaderVectorTests.Reply("command//edge:device/req//createWithConfig", Encoding.UTF8.GetBytes(request));

        Assert.NotNull(reply);
        Assert.Equal("command//edge:device/res//createWithConfig", reply.Topic);
        using JsonDocument actual = JsonDocument.Parse(reply.Payload);
        using JsonDocument published = JsonDocument.Parse(TestData.Bytes("examples", "createWithConfig.response.json"), Lenient);
        AssertSameEnvelope(published.RootElement, actual.RootElement, CommandReaderVectorTests.NewId);
    }

    /// <summary>Same topic, headers and path; the published value <c>&lt;Container UUID&gt;</c> stands for the new id.</summary>
    private static void AssertSameEnvelope(JsonElement published, JsonElement actual, string containerId)
    {
        Assert.Equal(published.GetProperty("topic").GetString(), actual.GetProperty("topic").GetString());
        Assert.Equal(published.GetProperty("path").GetString(), actual.GetProperty("path").GetString());
        Assert.Equal(published.GetProperty("headers").GetRawText().Replace("\n", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal),
            actual.GetProperty("headers").GetRawText());
        Assert.Equal("<Container UUID>", published.GetProperty("value").GetString());
        Assert.Equal(containerId, actual.GetProperty("value").GetString());
    }
}
