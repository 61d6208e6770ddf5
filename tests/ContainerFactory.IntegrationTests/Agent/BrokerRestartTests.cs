namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The broker restarts (its own mosquitto with persistence, killed and started again on the same port): the agent
/// reconnects, resubscribes and re-publishes its features (PRODUCT.md §2.4), and answers new commands.
/// </summary>
public sealed class BrokerRestartTests(AgentStack stack) : IClassFixture<AgentStack>
{
    [Fact]
    public async Task Broker_RestartedOnTheSamePort_AgentReconnectsRepublishesTheTwinAndAnswers()
    {
        string id = await stack.CreateAsync("docker.io/library/hello-world:latest", start: false);
        int factoryBefore = FactoryFeatures().Count;
        int containerBefore = FullFeatures(id).Count;

        await stack.Broker.StopAsync();
        await stack.Broker.RestartAsync();
        await stack.Cloud.ReconnectAsync(TimeSpan.FromSeconds(30));

        await stack.Agent.WaitForLineAsync("connected to ", 2, TimeSpan.FromSeconds(30));
        await stack.Cloud.WaitForAsync(
            m => m.Topic == AgentStack.TwinTopic && m.DittoPath == "/features/ContainerFactory", factoryBefore + 1, TimeSpan.FromSeconds(30), "ContainerFactory re-published");
        await stack.Cloud.WaitForAsync(
            m => m.Topic == AgentStack.TwinTopic && m.DittoPath == $"/features/Container:{id}", containerBefore + 1, TimeSpan.FromSeconds(30), "Container feature re-published");
        Assert.Equal("CREATED", FullFeatures(id)[^1].StateStatus);
        Assert.Contains("connection to ", stack.Agent.Log(), StringComparison.Ordinal);
        // Resubscribed on the new connection (the persisted session alone would also keep the subscription).
        string brokerLog = stack.Broker.Log();
        int restart = brokerLog.LastIndexOf("mosquitto version", StringComparison.Ordinal);
        Assert.Contains("Received SUBSCRIBE from container-factory:edge:device", brokerLog[restart..], StringComparison.Ordinal);

        string second = await stack.CreateAsync("docker.io/library/hello-world:latest", start: false);
        Assert.Equal(new[] { id, second }.Order(StringComparer.Ordinal), (await stack.ContainersAsync()).Order(StringComparer.Ordinal));
    }

    private IReadOnlyList<MqttMessage> FactoryFeatures() =>
        [.. stack.Cloud.On(AgentStack.TwinTopic).Where(m => m.DittoPath == "/features/ContainerFactory")];

    private IReadOnlyList<MqttMessage> FullFeatures(string id) =>
        [.. stack.Cloud.On(AgentStack.TwinTopic).Where(m => m.DittoPath == $"/features/Container:{id}")];
}
