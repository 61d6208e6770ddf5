using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using ContainerFactory.Agent.Mqtt;

namespace ContainerFactory.Agent.Tests.Support;

/// <summary>An in-memory MQTT transport that records every call; tests deliver messages with <see cref="DeliverAsync"/>.</summary>
internal sealed class FakeTransport : IMqttTransport
{
    private TaskCompletionSource _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<(string Topic, string Payload)> Published { get; } = new();

    public ConcurrentQueue<string> Acknowledged { get; } = new();

    public int FailConnects { get; set; }

    public Func<InboundMessage, Task>? MessageReceived { get; set; }

    public bool IsConnected { get; private set; }

    public Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue("connect");
        if (FailConnects > 0)
        {
            FailConnects--;
            throw new IOException("connection refused");
        }

        IsConnected = true;
        _disconnect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return Task.FromResult(false);
    }

    public Task WaitForDisconnectAsync(CancellationToken cancellationToken) => _disconnect.Task.WaitAsync(cancellationToken);

    public void DropConnection()
    {
        IsConnected = false;
        _disconnect.TrySetResult();
    }

    public Task SubscribeAsync(string topicFilter, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"subscribe {topicFilter}");
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"unsubscribe {topicFilter}");
        return Task.CompletedTask;
    }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"publish {topic}");
        Published.Enqueue((topic, Encoding.UTF8.GetString(payload.Span)));
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue("disconnect");
        IsConnected = false;
        return Task.CompletedTask;
    }

    public Task DeliverAsync(string topic, string payload, string? id = null) =>
        MessageReceived!(new InboundMessage(
            topic,
            new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)),
            false,
            _ =>
            {
                Acknowledged.Enqueue(id ?? topic);
                return Task.CompletedTask;
            }));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
