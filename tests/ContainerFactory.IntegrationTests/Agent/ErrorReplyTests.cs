using System.Security.Cryptography;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// Every error class of PRODUCT.md §2.3 answered over the wire by the published agent (Kanto's request-id form, so
/// the status is in the reply topic), and the one-way rule of §2.2.
/// </summary>
public sealed class ErrorReplyTests(AgentStack stack) : IClassFixture<AgentStack>
{
    private const string UuidV4 = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    [Fact]
    public async Task Command_MalformedJson_Replies400OnTheUnknownErrorTopicWithAGeneratedCorrelationId()
    {
        MqttMessage reply = await stack.SendAsync("create", """{"topic":"edge/device/things/live/messages/create","headers":"""u8.ToArray());

        Assert.EndsWith("/400", reply.Topic, StringComparison.Ordinal);
        Assert.Equal("unknown/unknown/things/twin/errors", reply.DittoTopic);
        Assert.Equal("/", reply.DittoPath);
        Assert.Equal(["content-type", "correlation-id"], reply.HeaderList.Select(h => h.Name));
        Assert.Matches(UuidV4, reply.CorrelationId);
        AssertError(reply, 400, "messages:parameter.invalid", "error parsing Ditto message received for device id [edge:device]");
    }

    [Fact]
    public async Task CreateWithConfig_MemoryBelowTheMinimum_Replies400NamingTheJsonPath()
    {
        string correlationId = AgentStack.NewId();
        MqttMessage reply = await stack.SendAsync(
            "createWithConfig",
            DittoCommand.Factory("createWithConfig", correlationId, """{"imageRef":"docker.io/library/hello-world:latest","config":{"resources":{"memory":"2M"}}}"""));

        Assert.EndsWith("/400", reply.Topic, StringComparison.Ordinal);
        Assert.Equal("/features/ContainerFactory/outbox/messages/createWithConfig", reply.DittoPath);
        Assert.Equal(correlationId, reply.CorrelationId);
        AssertError(reply, 400, "messages:parameter.invalid", "minimum memory allowed is 3M (config.resources.memory)");
    }

    [Fact]
    public async Task Factory_UnknownOperation_Replies404()
    {
        MqttMessage reply = await stack.SendAsync("foo", DittoCommand.Factory("foo", AgentStack.NewId(), "{}"));

        Assert.EndsWith("/404", reply.Topic, StringComparison.Ordinal);
        Assert.Equal("/features/ContainerFactory/outbox/messages/foo", reply.DittoPath);
        AssertError(reply, 404, "messages:subject.notfound", "unsupported operation foo");
    }

    [Fact]
    public async Task Create_ImageNotInTheRegistry_Replies500NamingTheImageAndLeavesNothing()
    {
        // On the test registry itself: a docker.io name would fall back from the mirror to the real docker.io.
        string registry = TestEnvironment.Current.Registry;
        string image = $"{registry}/library/not-in-registry-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}:latest";
        IReadOnlyList<string> before = await stack.ContainersAsync();

        MqttMessage reply = await stack.SendAsync("create", DittoCommand.Factory("create", AgentStack.NewId(), $$"""{"imageRef":"{{image}}","start":true}"""));

        Assert.EndsWith("/500", reply.Topic, StringComparison.Ordinal);
        Assert.Equal("/features/ContainerFactory/outbox/messages/create", reply.DittoPath);
        Assert.Equal("messages:execution.failed", reply.Value.GetProperty("error").GetString());
        Assert.Equal(500, reply.Value.GetProperty("status").GetInt32());
        Assert.Equal($"image {image} not found in {registry}", reply.Value.GetProperty("message").GetString());
        Assert.Equal(before, await stack.ContainersAsync());
    }

    [Theory]
    [InlineData("", null)] // the published form without response-required
    [InlineData("r-oneway", false)] // Kanto's form with response-required false
    public async Task Create_OneWay_CreatesTheContainerAndPublishesNoReply(string requestId, bool? responseRequired)
    {
        HashSet<MqttMessage> earlier = [.. stack.Cloud.Messages.Snapshot()];
        await stack.Cloud.PublishAsync(
            $"command//edge:device/req/{requestId}/create",
            DittoCommand.Factory("create", AgentStack.NewId(), """{"imageRef":"docker.io/library/hello-world:latest","start":true}""", responseRequired));

        MqttMessage created = await stack.Cloud.WaitForFirstAsync(
            m => !earlier.Contains(m) && m.Topic == AgentStack.TwinTopic && m.DittoPath.StartsWith("/features/Container:", StringComparison.Ordinal) && m.StateStatus == "RUNNING",
            TimeSpan.FromSeconds(30),
            "the one-way create running");
        string id = created.DittoPath.Split('/')[2]["Container:".Length..];
        await Task.Delay(TimeSpan.FromSeconds(2)); // the reply, if any, is published right after RUNNING

        Assert.DoesNotContain(stack.Cloud.Messages.Snapshot(), m => !earlier.Contains(m) && m.Topic.StartsWith("command//edge:device/res/", StringComparison.Ordinal));
        Assert.Contains(id, await stack.ContainersAsync());
        await stack.RemoveAsync(id);
    }

    [Fact]
    public async Task Create_ContainerdUnreachable_AgentStillServesMqttAndReplies503NamingTheSocket()
    {
        (AgentProcess agent, string socket) = await StartWithoutContainerdAsync("nocontainerd");

        await stack.Cloud.PublishAsync(
            "command//edge:nocontainerd/req/r503/create",
            DittoCommand.Factory("create", AgentStack.NewId(), """{"imageRef":"docker.io/library/hello-world:latest","start":true}""", dittoThing: "edge/nocontainerd"));

        MqttMessage reply = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic.StartsWith("command//edge:nocontainerd/res/r503/", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "reply to r503");
        Assert.Equal("command//edge:nocontainerd/res/r503/503", reply.Topic);
        Assert.Equal("messages:execution.failed", reply.Value.GetProperty("error").GetString());
        Assert.Equal(503, reply.Value.GetProperty("status").GetInt32());
        Assert.Contains(socket, reply.Value.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await agent.StopAsync());
    }

    [Fact]
    public async Task ContainerCommand_ContainerdUnreachableAtStart_Replies503NamingTheSocketNotFeatureNotFound()
    {
        (AgentProcess agent, string socket) = await StartWithoutContainerdAsync("nocontainerdop");
        string id = AgentStack.NewId();

        await stack.Cloud.PublishAsync(
            "command//edge:nocontainerdop/req/r503op/start",
            DittoCommand.Container(id, "start", AgentStack.NewId(), dittoThing: "edge/nocontainerdop"));

        MqttMessage reply = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic.StartsWith("command//edge:nocontainerdop/res/r503op/", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "reply to r503op");
        Assert.Equal("command//edge:nocontainerdop/res/r503op/503", reply.Topic);
        Assert.Equal("messages:execution.failed", reply.Value.GetProperty("error").GetString());
        Assert.Equal(503, reply.Value.GetProperty("status").GetInt32());
        string message = reply.Value.GetProperty("message").GetString()!;
        Assert.StartsWith($"container {id} cannot be looked up: ", message, StringComparison.Ordinal);
        Assert.Contains(socket, message, StringComparison.Ordinal);
        Assert.Equal(0, await agent.StopAsync());
    }

    /// <summary>An agent for thing <c>edge:NAME</c> whose containerd socket does not exist; its state and run folders are its own.</summary>
    private async Task<(AgentProcess Agent, string Socket)> StartWithoutContainerdAsync(string name)
    {
        string socket = Path.Combine(stack.Root, $"{name}-containerd", "containerd.sock");
        AgentProcess agent = await stack.StartAgentAsync(stack.Config() with
        {
            ThingId = $"edge:{name}",
            ContainerdSocket = socket,
            StateDir = Path.Combine(stack.Root, $"{name}-state"),
            RunDir = Path.Combine(stack.Root, $"{name}-run"),
        });
        return (agent, socket);
    }

    private static void AssertError(MqttMessage reply, int status, string code, string message)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal(["error", "status", "message"], reply.Value.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, reply.Value.GetProperty("error").GetString());
        Assert.Equal(status, reply.Value.GetProperty("status").GetInt32());
        Assert.Equal(message, reply.Value.GetProperty("message").GetString());
    }
}
