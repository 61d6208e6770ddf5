using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The persistent session (PRODUCT.md §2.5): a QoS 1 command published while the agent is stopped is delivered when it
/// comes back and executed exactly once — also across a further restart; and the twin it publishes when it comes
/// back follows containerd (PRODUCT.md §2.4).
/// </summary>
public sealed class AgentRestartTests(AgentStack stack) : IClassFixture<AgentStack>
{
    [Fact]
    public async Task Command_PublishedWhileTheAgentIsStopped_IsExecutedOnceAfterItReturns()
    {
        Assert.Equal(0, await stack.Agent.StopAsync());
        string requestId = AgentStack.NewRequestId();
        string correlationId = AgentStack.NewId();
        await stack.Cloud.PublishAsync(
            $"command//edge:device/req/{requestId}/create",
            DittoCommand.Factory("create", correlationId, """{"imageRef":"docker.io/library/hello-world:latest","start":false}"""));

        await stack.RestartAgentAsync();

        MqttMessage reply = await stack.ReplyAsync(requestId);
        Assert.Equal($"command//edge:device/res/{requestId}/200", reply.Topic);
        Assert.Equal(correlationId, reply.CorrelationId);
        string id = reply.Value.GetString()!;
        Assert.Contains("(session present: True)", (await stack.Agent.WaitForLineAsync("connected to ", 1, TimeSpan.FromSeconds(5))).Line, StringComparison.Ordinal);

        // Once more: the acknowledged command is not delivered again.
        Assert.Equal(0, await stack.Agent.StopAsync());
        await stack.RestartAgentAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // a redelivery would be answered by now
        Assert.Single(stack.Cloud.On($"command//edge:device/res/{requestId}/"));
        Assert.Equal([id], await stack.ContainersAsync());
    }

    [Fact]
    public async Task Run_ContainerDeletedWhileTheAgentIsStopped_DeletesItsFeatureWhenItReturns()
    {
        string id = await stack.CreateAsync("docker.io/library/hello-world:latest", start: false);
        Assert.Equal(0, await stack.Agent.StopAsync());
        await Ctr.CheckedAsync(stack.Namespace, "containers", "rm", id);

        await stack.RestartAgentAsync();

        MqttMessage deleted = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == AgentStack.TwinTopic && m.DittoTopic == "edge/device/things/twin/commands/delete" && m.DittoPath == $"/features/Container:{id}",
            TimeSpan.FromSeconds(30),
            "feature delete");
        Assert.Equal("false", deleted.HeaderList.Single(h => h.Name == "response-required").Raw);
        Assert.DoesNotContain(id, await stack.ContainersAsync());
    }
}
