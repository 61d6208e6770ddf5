namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// Idempotent commands (PRODUCT.md §2.5): a command delivered twice with the same correlation id (a QoS 1 duplicate, a
/// cloud retry) creates one container, and both deliveries get the same reply.
/// </summary>
public sealed class DuplicateCommandTests(AgentStack stack) : IClassFixture<AgentStack>
{
    [Fact]
    public async Task Create_SameCorrelationIdPublishedTwice_CreatesOneContainerAndRepliesTwiceIdentically()
    {
        string requestId = AgentStack.NewRequestId();
        string topic = $"command//edge:device/req/{requestId}/create";
        byte[] command = DittoCommand.Factory("create", AgentStack.NewId(), """{"imageRef":"docker.io/library/hello-world:latest","start":false}""");

        await stack.Cloud.PublishAsync(topic, command);
        await stack.Cloud.PublishAsync(topic, command);

        string replyTopic = $"command//edge:device/res/{requestId}/";
        IReadOnlyList<MqttMessage> replies = await stack.Cloud.WaitForAsync(
            m => m.Topic.StartsWith(replyTopic, StringComparison.Ordinal), 2, TimeSpan.FromSeconds(30), "two replies");
        Assert.Equal($"{replyTopic}200", replies[0].Topic);
        Assert.Equal(replies[0].Topic, replies[1].Topic);
        Assert.Equal(replies[0].Text, replies[1].Text);
        string id = replies[0].Value.GetString()!;
        await Task.Delay(TimeSpan.FromSeconds(2)); // a third reply or a second container would show by now
        Assert.Equal(2, stack.Cloud.On(replyTopic).Count);
        Assert.Equal([id], await stack.ContainersAsync());
        Assert.Equal(
            [$"/features/Container:{id}"],
            stack.Cloud.On(AgentStack.TwinTopic).Where(m => m.DittoPath.StartsWith("/features/Container:", StringComparison.Ordinal))
                .Select(m => string.Join('/', m.DittoPath.Split('/')[..3])).Distinct());
    }
}
