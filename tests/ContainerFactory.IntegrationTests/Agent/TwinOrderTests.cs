using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Composition;
using ContainerFactory.Agent.Identity;
using ContainerFactory.Agent.Mqtt;
using ContainerFactory.Agent.Settings;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The twin messages of one container leave in the order they were made, whatever the broker's pace: the agent's
/// container service runs in the test process against the real containerd and registry, with a transport that holds a
/// chosen publish back (as a slow broker would).
/// </summary>
public sealed class TwinOrderTests(HandshakeAgentStack stack) : IClassFixture<HandshakeAgentStack>
{
    private static readonly ThingIdentity Identity = new("edge:device", AgentStack.Tenant, AgentStack.Thing);

    [Fact]
    public async Task Sync_FeatureHeldOnItsWay_ARemoveMeanwhileDeletesTheFeatureOnlyAfterIt()
    {
        var transport = new HoldingTransport();
        using AgentRuntime runtime = Runtime(transport);
        Assert.True((await runtime.Containers.LoadAsync(CancellationToken.None)).IsSuccess);
        CommandOutcome created = await runtime.Containers.ExecuteAsync(
            Read(runtime, "createWithConfig", DittoCommand.Factory("createWithConfig", "c1", DittoCommand.CreateValue(Busybox, start: false))), CancellationToken.None);
        Assert.Null(created.Error?.Message);
        string id = created.Value.Text!;
        Assert.True(runtime.Containers.Exists(id));
        string feature = $"/features/Container:{id}";
        Task held = transport.HoldNext(m => m.Path == feature && m.Topic.EndsWith("/modify", StringComparison.Ordinal));

        int before = transport.Sent.Count;
        Task sync = runtime.Containers.PublishTwinAsync(Identity, CancellationToken.None);
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        Task<CommandOutcome> remove = runtime.Containers.ExecuteAsync(
            Read(runtime, "remove", DittoCommand.Container(id, "remove", "c2")), CancellationToken.None);
        // Unordered, the remove would publish DEAD and the delete and end within this second.
        await Task.WhenAny(remove, Task.Delay(TimeSpan.FromSeconds(1)));
        transport.Release();
        await sync.WaitAsync(TimeSpan.FromSeconds(30));
        CommandOutcome removed = await remove.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(removed.Error?.Message);
        Assert.False(removed.Value.HasValue);
        string[] order = [.. transport.Sent.Skip(before).Where(m => m.Path.StartsWith(feature, StringComparison.Ordinal)).Select(m => $"{m.Verb} {m.Path}")];
        Assert.Equal([$"modify {feature}", $"modify {feature}/properties/status/state", $"delete {feature}"], order);
        Assert.False(runtime.Containers.Exists(id));
    }

    private const string Busybox = "docker.io/library/busybox:latest";

    private AgentRuntime Runtime(IMqttTransport transport)
    {
        string file = stack.Config().WriteTo(Path.Combine(stack.Root, $"in-process-{AgentStack.NewRequestId()}.json"));
        Assert.True(SettingsLoader.TryParse(File.ReadAllBytes(file), out AgentSettings settings, out string? error), error);
        var runtime = new AgentRuntime(settings, transport, NullLoggerFactory.Instance);
        runtime.Twin.Identity = Identity;
        return runtime;
    }

    private static AgentCommand Read(AgentRuntime runtime, string operation, byte[] payload)
    {
        var context = new InboundContext(AgentStack.Thing, runtime.Containers.Routes, AgentStack.NewId);
        InboundResult read = CommandReader.Read($"command//{AgentStack.Thing}/req/{operation}-1/{operation}", new ReadOnlySequence<byte>(payload), context);
        return Assert.IsType<AcceptedInbound>(read).Command;
    }

    /// <summary>A connected transport that records every publish and can hold one back until released.</summary>
    private sealed class HoldingTransport : IMqttTransport
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Func<Sent, bool>? _hold;
        private TaskCompletionSource? _held;

        public ConcurrentQueue<Sent> Sent { get; } = new();

        public Func<InboundMessage, Task>? MessageReceived { get; set; }

        public bool IsConnected => true;

        /// <summary>Holds the next publish that <paramref name="match"/> accepts; the task completes when it is held.</summary>
        public Task HoldNext(Func<Sent, bool> match)
        {
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _hold = match;
            return _held.Task;
        }

        public void Release() => _release.TrySetResult();

        public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            using JsonDocument json = JsonDocument.Parse(payload);
            var sent = new Sent(json.RootElement.GetProperty("topic").GetString()!, json.RootElement.GetProperty("path").GetString()!);
            if (_hold is { } hold && hold(sent))
            {
                _hold = null;
                _held!.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken);
            }

            Sent.Enqueue(sent);
        }

        public Task<bool> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public Task WaitForDisconnectAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        public Task SubscribeAsync(string topicFilter, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DisconnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A twin message: its Ditto topic and path.</summary>
    private sealed record Sent(string Topic, string Path)
    {
        public string Verb => Topic[(Topic.LastIndexOf('/') + 1)..];
    }
}
