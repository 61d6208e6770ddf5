namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// PRODUCT.md §6: 50 concurrent createWithConfig commands are every one answered, none lost or duplicated — checked
/// against the replies and containerd — and 50 concurrent removes clean them up.
/// </summary>
public sealed class ConcurrentCreateTests(AgentStack stack) : IClassFixture<AgentStack>
{
    private const int Count = 50;

    [Fact]
    public async Task CreateWithConfig_FiftyConcurrentCommands_EveryOneAnsweredOnceWithItsOwnContainer()
    {
        (string RequestId, string CorrelationId)[] requests = [.. Enumerable.Range(0, Count).Select(i => ($"c{i:00}{AgentStack.NewRequestId()}", AgentStack.NewId()))];
        string value = DittoCommand.CreateValue("docker.io/library/hello-world:latest", start: false);

        await Task.WhenAll(requests.Select(r =>
            stack.Cloud.PublishAsync($"command//edge:device/req/{r.RequestId}/createWithConfig", DittoCommand.Factory("createWithConfig", r.CorrelationId, value))));

        HashSet<string> prefixes = [.. requests.Select(r => $"command//edge:device/res/{r.RequestId}/")];
        IReadOnlyList<MqttMessage> replies = await stack.Cloud.WaitForAsync(m => prefixes.Contains(ReplyPrefix(m.Topic)), Count, TimeSpan.FromSeconds(120), "50 replies");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate reply would show by now
        replies = [.. stack.Cloud.Messages.Snapshot().Where(m => prefixes.Contains(ReplyPrefix(m.Topic)))];

        Assert.Equal(Count, replies.Count);
        Assert.All(requests, r =>
        {
            MqttMessage reply = Assert.Single(replies, m => m.Topic.StartsWith($"command//edge:device/res/{r.RequestId}/", StringComparison.Ordinal));
            Assert.Equal($"command//edge:device/res/{r.RequestId}/200", reply.Topic);
            Assert.Equal(r.CorrelationId, reply.CorrelationId);
        });
        string[] ids = [.. replies.Select(m => m.Value.GetString()!).Order(StringComparer.Ordinal)];
        Assert.Equal(Count, ids.Distinct().Count());
        Assert.Equal(ids, (await stack.ContainersAsync()).Order(StringComparer.Ordinal));

        string[] removals = [.. ids.Select(_ => $"d{AgentStack.NewRequestId()}")];
        await Task.WhenAll(ids.Select((id, i) =>
            stack.Cloud.PublishAsync($"command//edge:device/req/{removals[i]}/remove", DittoCommand.Container(id, "remove", AgentStack.NewId(), "false"))));
        HashSet<string> removalPrefixes = [.. removals.Select(r => $"command//edge:device/res/{r}/")];
        IReadOnlyList<MqttMessage> removed = await stack.Cloud.WaitForAsync(
            m => removalPrefixes.Contains(ReplyPrefix(m.Topic)), Count, TimeSpan.FromSeconds(120), "50 remove replies");
        Assert.All(removed, m => Assert.EndsWith("/204", m.Topic, StringComparison.Ordinal));
        Assert.Empty(await stack.ContainersAsync());
    }

    /// <summary><c>command//edge:device/res/&lt;rid&gt;/</c> of a reply topic.</summary>
    private static string ReplyPrefix(string topic) => topic[..(topic.LastIndexOf('/') + 1)];
}
