namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The twin as the cloud sees it on <c>e/t1/edge:device</c> through a container's life (kanto-protocol §2.7, §4.4;
/// PRODUCT.md §2.4): twin commands in order, each a Ditto envelope with a fresh correlation id and
/// <c>response-required:false</c>.
/// </summary>
public sealed class TwinEventTests(AgentStack stack) : IClassFixture<AgentStack>
{
    private const string UuidV4 = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    /// <summary>busybox that ends on SIGTERM (a shell as PID 1 ignores it unless trapped).</summary>
    private const string StoppableConfig = """{"cmd":["sh","-c","trap 'exit 0' TERM; while true; do sleep 1; done"]}""";

    [Fact]
    public async Task Lifecycle_CreateStartStopRemove_PublishesFeatureAndStatesInOrderThenTheDelete()
    {
        string image = "docker.io/library/busybox:latest";
        string id = await stack.CreateAsync(image, start: false, StoppableConfig);
        await stack.WaitForStateAsync(id, "CREATED");
        Assert.Equal(204, (await stack.SendAsync("start", DittoCommand.Container(id, "start", AgentStack.NewId()))).Status);
        await stack.WaitForStateAsync(id, "RUNNING");
        Assert.Equal(204, (await stack.SendAsync("stop", DittoCommand.Container(id, "stop", AgentStack.NewId()))).Status);
        await stack.WaitForStateAsync(id, "STOPPED");
        Assert.Equal(204, (await stack.SendAsync("remove", DittoCommand.Container(id, "remove", AgentStack.NewId(), "false"))).Status);
        await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == AgentStack.TwinTopic && m.DittoTopic.EndsWith("/delete", StringComparison.Ordinal) && m.DittoPath == $"/features/Container:{id}",
            TimeSpan.FromSeconds(30),
            "feature delete");

        IReadOnlyList<MqttMessage> twin = stack.TwinOf(id);
        string feature = $"/features/Container:{id}";
        string state = $"{feature}/properties/status/state";
        // Compared as text so that a failure prints every line in full.
        Assert.Equal(
            string.Join('\n',
                $"modify {feature} CREATING",
                $"modify {feature} CREATED",
                $"modify {state} CREATED",
                $"modify {state} RUNNING",
                $"modify {state} STOPPED",
                $"modify {state} DEAD",
                $"delete {feature} "),
            string.Join('\n', twin.Where(m => !IsPullProgress(m)).Select(m => $"{m.DittoTopic.Split('/')[^1]} {m.DittoPath} {m.StateStatus}")));
        Assert.All(twin, m =>
        {
            Assert.Equal(AgentStack.TwinTopic, m.Topic);
            Assert.Equal($"edge/device/things/twin/commands/{(m.Json.TryGetProperty("value", out _) ? "modify" : "delete")}", m.DittoTopic);
            Assert.Equal(["correlation-id", "response-required"], m.HeaderList.Select(h => h.Name).Order(StringComparer.Ordinal));
            Assert.Equal("false", m.HeaderList.Single(h => h.Name == "response-required").Raw);
            Assert.Matches(UuidV4, m.CorrelationId);
        });
        Assert.Equal(twin.Count, twin.Select(m => m.CorrelationId).Distinct().Count());
        MqttMessage created = twin.First(m => m.DittoPath == feature && m.StateStatus == "CREATED");
        Assert.Equal(image, created.Value.GetProperty("properties").GetProperty("status").GetProperty("imageRef").GetString());
        Assert.Equal(["com.bosch.iot.suite.edge.containers:Container:1.5.0"], created.Value.GetProperty("definition").EnumerateArray().Select(d => d.GetString()));
        Assert.Empty(await stack.ContainersAsync());
    }

    /// <summary>CREATING state updates with pull progress (published only when the image is pulled, and only on change).</summary>
    private static bool IsPullProgress(MqttMessage m) =>
        m.DittoPath.EndsWith("/properties/status/state", StringComparison.Ordinal) && m.StateStatus == "CREATING" && m.Value.TryGetProperty("progress", out _);
}
