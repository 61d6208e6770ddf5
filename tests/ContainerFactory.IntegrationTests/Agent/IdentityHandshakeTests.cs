namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The default thing id (PRODUCT.md §2.1, kanto-protocol §1.2–§1.4): without a configured identity the agent asks the
/// connector on <c>edge/thing/request</c>, serves <c>&lt;deviceId&gt;:edge:containers</c> and answers Kanto's command form.
/// </summary>
public sealed class IdentityHandshakeTests(HandshakeAgentStack stack) : IClassFixture<HandshakeAgentStack>
{
    private const string ContainersThing = "edge:device:edge:containers";
    private const string TwinTopic = $"e/t1/{ContainersThing}";

    [Fact]
    public async Task Run_NoIdentityConfigured_LearnsItFromTheConnectorAndAnswersKantoCommandsOnTheContainersThing()
    {
        AgentProcess agent = await stack.StartAgentAsync(stack.Config() with { ThingId = "", TenantId = "" }, waitReady: false);

        MqttMessage request = await stack.Cloud.WaitForFirstAsync(m => m.Topic == "edge/thing/request", TimeSpan.FromSeconds(30), "identity request");
        Assert.Equal("""{"topic":"","headers":null,"path":""}""", request.Text);
        await stack.Cloud.PublishAsync("edge/thing/response", """{"deviceId":"edge:device","tenantId":"t1"}"""u8.ToArray());
        Assert.Contains($"ready: thing {ContainersThing}, tenant t1, ", await agent.WaitReadyAsync(), StringComparison.Ordinal);
        MqttMessage factory = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == TwinTopic && m.DittoPath == "/features/ContainerFactory", TimeSpan.FromSeconds(30), "ContainerFactory feature");
        Assert.Equal($"edge/device:edge:containers/things/twin/commands/modify", factory.DittoTopic);

        string correlationId = AgentStack.NewId();
        await stack.Cloud.PublishAsync(
            $"command//{ContainersThing}/req/r1/create",
            DittoCommand.Factory("create", correlationId, """{"imageRef":"docker.io/library/hello-world:latest","start":true}""", dittoThing: "edge/device:edge:containers"));

        MqttMessage reply = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic.StartsWith($"command//{ContainersThing}/res/r1/", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "reply to r1");
        Assert.Equal($"command//{ContainersThing}/res/r1/200", reply.Topic);
        Assert.Equal("edge/device:edge:containers/things/live/messages/create", reply.DittoTopic);
        Assert.Equal("/features/ContainerFactory/outbox/messages/create", reply.DittoPath);
        Assert.Equal([("content-type", "\"application/json\""), ("correlation-id", $"\"{correlationId}\"")], reply.HeaderList);
        Assert.Equal(200, reply.Status);
        string id = reply.Value.GetString()!;
        await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == TwinTopic && m.DittoPath == $"/features/Container:{id}/properties/status/state" && m.StateStatus == "RUNNING",
            TimeSpan.FromSeconds(30),
            "twin state RUNNING");

        await stack.Cloud.PublishAsync(
            $"command//{ContainersThing}/req/r2/remove",
            DittoCommand.Container(id, "remove", AgentStack.NewId(), "true", dittoThing: "edge/device:edge:containers"));
        MqttMessage removed = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic.StartsWith($"command//{ContainersThing}/res/r2/", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "reply to r2");
        Assert.Equal($"command//{ContainersThing}/res/r2/204", removed.Topic);
        Assert.Empty(await stack.ContainersAsync());
    }
}
