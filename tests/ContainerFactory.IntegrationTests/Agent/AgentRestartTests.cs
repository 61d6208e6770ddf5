namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The persistent session (PRODUCT.md §2.5): a QoS 1 command published while the agent is stopped is delivered when it
/// comes back and executed exactly once — also across a further restart.
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
}
