namespace ContainerFactory.Agent.Mqtt;

/// <summary>The MQTT connection (process boundary). QoS 1 for every subscription and publish; nothing retained.</summary>
public interface IMqttTransport : IAsyncDisposable
{
    /// <summary>Called for every message received; the handler must return quickly (hand the work off).</summary>
    Func<InboundMessage, Task>? MessageReceived { get; set; }

    /// <summary>True while connected.</summary>
    bool IsConnected { get; }

    /// <summary>Connects once; throws when the broker cannot be reached or refuses.</summary>
    /// <returns>True when the broker still held a session for this client (subscriptions survive).</returns>
    Task<bool> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the current connection is lost (or at once when not connected).</summary>
    Task WaitForDisconnectAsync(CancellationToken cancellationToken);

    /// <summary>Subscribes to <paramref name="topicFilter"/> with QoS 1.</summary>
    Task SubscribeAsync(string topicFilter, CancellationToken cancellationToken);

    /// <summary>Unsubscribes from <paramref name="topicFilter"/>.</summary>
    Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken);

    /// <summary>Publishes with QoS 1, not retained; completes when the broker acknowledged it.</summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Disconnects cleanly (the session stays on the broker).</summary>
    Task DisconnectAsync(CancellationToken cancellationToken);
}
