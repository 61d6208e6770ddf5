using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The cloud side as seen from the gateway's broker: an MQTTnet client subscribed to <c>#</c> (QoS 1) that records
/// every message, and publishes commands (QoS 1). Its session is persistent (stable client id, clean session off) so
/// that messages published while it reconnects after a broker restart are queued for it.
/// </summary>
internal sealed class CloudClient : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;

    private CloudClient(string host, int port, string clientId)
    {
        _client = new MqttClientFactory().CreateMqttClient();
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithCleanSession(false)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            MqttApplicationMessage m = e.ApplicationMessage;
            Messages.Add(new MqttMessage(m.Topic, m.Payload.ToArray(), m.Retain));
            return Task.CompletedTask;
        };
    }

    /// <summary>Every message received, in arrival order.</summary>
    public Recorded<MqttMessage> Messages { get; } = new();

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects to the broker on 127.0.0.1:<paramref name="port"/> and subscribes to everything.</summary>
    public static async Task<CloudClient> ConnectAsync(int port, string clientId)
    {
        var cloud = new CloudClient("127.0.0.1", port, clientId);
        await cloud.ReconnectAsync(TimeSpan.FromSeconds(10));
        await cloud._client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic("#").WithAtLeastOnceQoS()).Build());
        return cloud;
    }

    /// <summary>Connects again (after a broker restart), retrying within <paramref name="bound"/>.</summary>
    public async Task ReconnectAsync(TimeSpan bound)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + bound;
        while (_client.IsConnected && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50); // the old connection is noticed as closed first
        }

        while (true)
        {
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.ConnectAsync(_options, attempt.Token);
                return;
            }
            catch (Exception) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/> with QoS 1 (acknowledged by the broker).</summary>
    public async Task PublishAsync(string topic, byte[] payload)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        MqttClientPublishResult result = await _client.PublishAsync(message);
        Assert.True(result.IsSuccess, $"publish on {topic}: {result.ReasonCode}");
    }

    /// <summary>Every message so far on <paramref name="topic"/> (exact) or under a topic prefix ending in '/'.</summary>
    public IReadOnlyList<MqttMessage> On(string topic) =>
        [.. Messages.Snapshot().Where(m => Matches(m.Topic, topic))];

    /// <summary>Waits (≤ <paramref name="timeout"/>) for <paramref name="count"/> messages matching and returns them all.</summary>
    public Task<IReadOnlyList<MqttMessage>> WaitForAsync(Func<MqttMessage, bool> match, int count, TimeSpan timeout, string what) =>
        Messages.WaitForAsync(match, count, timeout, what, Dump);

    /// <summary>Waits for the first message matching.</summary>
    public Task<MqttMessage> WaitForFirstAsync(Func<MqttMessage, bool> match, TimeSpan timeout, string what) =>
        Messages.WaitForFirstAsync(match, timeout, what, Dump);

    public string Dump() => string.Join('\n', Messages.Snapshot().TakeLast(60).Select(m => m.ToString()));

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            using var bye = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), bye.Token);
        }

        _client.Dispose();
    }

    private static bool Matches(string actual, string topic) =>
        topic.EndsWith('/') ? actual.StartsWith(topic, StringComparison.Ordinal) : actual == topic;
}
