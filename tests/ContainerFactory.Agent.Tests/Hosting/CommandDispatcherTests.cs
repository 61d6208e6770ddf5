using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Hosting;
using ContainerFactory.Agent.Mqtt;
using ContainerFactory.Agent.Tests.Support;
using ContainerFactory.Protocol.Ditto;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.Agent.Tests.Hosting;

public class CommandDispatcherTests
{
    private const string Thing = "edge:device:edge:containers";

    private readonly FakeTransport _transport = new();
    private readonly ConcurrentQueue<string> _executed = new();

    private static string Create(string correlationId) =>
        $"{{\"topic\":\"edge/device:edge:containers/things/live/messages/create\",\"headers\":{{\"correlation-id\":\"{correlationId}\",\"content-type\":\"application/json\"}},\"path\":\"/features/ContainerFactory/inbox/messages/create\",\"value\":{{\"imageRef\":\"hello-world\"}}}}";

    private static string Stop(string containerId, string correlationId) =>
        $"{{\"topic\":\"edge/device:edge:containers/things/live/messages/stop\",\"headers\":{{\"correlation-id\":\"{correlationId}\"}},\"path\":\"/features/Container:{containerId}/inbox/messages/stop\"}}";

    private CommandDispatcher Dispatcher(Func<AgentCommand, CancellationToken, Task<CommandOutcome>> execute, Action? settled = null) =>
        new(_transport, () => new InboundContext(Thing, _ => true, () => $"id-{Guid.NewGuid():N}"), execute, new ReplyCache(TimeProvider.System), NullLogger.Instance, settled);

    private static InboundMessage Message(string topic, string payload, ConcurrentQueue<string> acks, string id) =>
        new(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), false, _ =>
        {
            acks.Enqueue(id);
            return Task.CompletedTask;
        });

    [Fact]
    public async Task Enqueue_LongCommand_DoesNotHoldUpTheNext()
    {
        var release = new TaskCompletionSource();
        var acks = new ConcurrentQueue<string>();
        CommandDispatcher dispatcher = Dispatcher(async (command, _) =>
        {
            string id = command.Reply.CorrelationId;
            if (id == "slow")
            {
                await release.Task;
            }

            _executed.Enqueue(id);
            return CommandOutcome.Ok(DittoValue.FromString(id));
        });

        dispatcher.Enqueue(Message($"command//{Thing}/req/r1/create", Create("slow"), acks, "slow"), CancellationToken.None);
        dispatcher.Enqueue(Message($"command//{Thing}/req/r2/create", Create("fast"), acks, "fast"), CancellationToken.None);
        await WaitUntil(() => _executed.Count == 1);

        Assert.Equal(["fast"], _executed);
        Assert.Equal(["fast"], acks);
        release.SetResult();
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["fast", "slow"], _executed);
        Assert.Equal(["fast", "slow"], acks);
        Assert.Equal(0, dispatcher.InFlight);
    }

    [Fact]
    public async Task Settled_CalledOnceTheLastCommandInFlightHasFinished()
    {
        var release = new TaskCompletionSource();
        var acks = new ConcurrentQueue<string>();
        int settled = 0;
        CommandDispatcher dispatcher = Dispatcher(
            async (command, _) =>
            {
                if (command.Reply.CorrelationId == "slow")
                {
                    await release.Task;
                }

                _executed.Enqueue(command.Reply.CorrelationId);
                return CommandOutcome.NoContent;
            },
            () => Interlocked.Increment(ref settled));

        dispatcher.Enqueue(Message($"command//{Thing}/req/r1/create", Create("slow"), acks, "slow"), CancellationToken.None);
        dispatcher.Enqueue(Message($"command//{Thing}/req/r2/create", Create("fast"), acks, "fast"), CancellationToken.None);
        await WaitUntil(() => acks.Count == 1);

        Assert.Equal(0, Volatile.Read(ref settled));
        release.SetResult();
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));
        await WaitUntil(() => Volatile.Read(ref settled) == 1);
        Assert.Equal(0, dispatcher.InFlight);
        Assert.Equal(1, Volatile.Read(ref settled));
    }

    [Fact]
    public async Task Enqueue_SameContainer_RunsInOrder()
    {
        var first = new TaskCompletionSource();
        var acks = new ConcurrentQueue<string>();
        CommandDispatcher dispatcher = Dispatcher(async (command, _) =>
        {
            if (command.Reply.CorrelationId == "a")
            {
                await first.Task;
            }

            _executed.Enqueue(command.Reply.CorrelationId);
            return CommandOutcome.NoContent;
        });

        dispatcher.Enqueue(Message($"command//{Thing}/req/r1/stop", Stop("c1", "a"), acks, "a"), CancellationToken.None);
        dispatcher.Enqueue(Message($"command//{Thing}/req/r2/stop", Stop("c1", "b"), acks, "b"), CancellationToken.None);
        dispatcher.Enqueue(Message($"command//{Thing}/req/r3/stop", Stop("c2", "c"), acks, "c"), CancellationToken.None);
        await WaitUntil(() => _executed.Count == 1);

        Assert.Equal(["c"], _executed);
        first.SetResult();
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["c", "a", "b"], _executed);
        Assert.Equal(
            [$"command//{Thing}/res/r3/204", $"command//{Thing}/res/r1/204", $"command//{Thing}/res/r2/204"],
            _transport.Published.Select(p => p.Topic));
    }

    [Fact]
    public async Task Enqueue_DuplicateCorrelationId_ExecutesOnceAndRepliesTwice()
    {
        var acks = new ConcurrentQueue<string>();
        CommandDispatcher dispatcher = Dispatcher((command, _) =>
        {
            _executed.Enqueue(command.Reply.CorrelationId);
            return Task.FromResult(CommandOutcome.Ok(DittoValue.FromString("container-1")));
        });

        dispatcher.Enqueue(Message($"command//{Thing}/req/r1/create", Create("dup"), acks, "first"), CancellationToken.None);
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));
        dispatcher.Enqueue(Message($"command//{Thing}/req/r1/create", Create("dup"), acks, "again"), CancellationToken.None);
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["dup"], _executed);
        Assert.Equal(["first", "again"], acks);
        (string Topic, string Payload)[] replies = [.. _transport.Published];
        Assert.Equal(2, replies.Length);
        Assert.Equal(replies[0], replies[1]);
        Assert.Contains("\"value\":\"container-1\",\"status\":200", replies[0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_SameCorrelationIdOtherPayload_IsANewCommand()
    {
        var acks = new ConcurrentQueue<string>();
        CommandDispatcher dispatcher = Dispatcher((command, _) =>
        {
            _executed.Enqueue(((CreateContainerCommand)command).ImageRef);
            return Task.FromResult(CommandOutcome.Ok(DittoValue.FromString("id")));
        });

        dispatcher.Enqueue(Message($"command//{Thing}/req//create", Create("<UUID>"), acks, "first"), CancellationToken.None);
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));
        dispatcher.Enqueue(Message($"command//{Thing}/req//create", Create("<UUID>").Replace("hello-world", "busybox", StringComparison.Ordinal), acks, "second"), CancellationToken.None);
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["hello-world", "busybox"], _executed);
        Assert.Equal(["first", "second"], acks);
    }

    [Fact]
    public async Task Enqueue_ExecutorThrows_Replies500AndAcknowledges()
    {
        var acks = new ConcurrentQueue<string>();
        CommandDispatcher dispatcher = Dispatcher((_, _) => throw new InvalidOperationException("boom"));

        dispatcher.Enqueue(Message($"command//{Thing}/req/r1/create", Create("x"), acks, "x"), CancellationToken.None);
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["x"], acks);
        (string topic, string payload) = Assert.Single(_transport.Published);
        Assert.Equal($"command//{Thing}/res/r1/500", topic);
        Assert.Contains("\"value\":{\"error\":\"messages:execution.failed\",\"status\":500,\"message\":\"internal error: boom\"}", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_Rejected_RepliesWithoutExecuting()
    {
        var acks = new ConcurrentQueue<string>();
        CommandDispatcher dispatcher = Dispatcher((command, _) =>
        {
            _executed.Enqueue(command.Reply.CorrelationId);
            return Task.FromResult(CommandOutcome.NoContent);
        });

        dispatcher.Enqueue(Message($"command//{Thing}/req/r1/create", "{not json", acks, "bad"), CancellationToken.None);
        dispatcher.Enqueue(Message($"command//{Thing}/req/r2/x/y", "{}", acks, "dropped"), CancellationToken.None);
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.Empty(_executed);
        Assert.Equal(["bad", "dropped"], acks.Order(StringComparer.Ordinal));
        (string topic, _) = Assert.Single(_transport.Published);
        Assert.Equal($"command//{Thing}/res/r1/400", topic);
    }

    [Fact]
    public async Task Enqueue_CancelledWhileStopping_NotAcknowledged()
    {
        var acks = new ConcurrentQueue<string>();
        using var stopping = new CancellationTokenSource();
        CommandDispatcher dispatcher = Dispatcher(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return CommandOutcome.NoContent;
        });

        dispatcher.Enqueue(Message($"command//{Thing}/req/r1/create", Create("late"), acks, "late"), stopping.Token);
        await stopping.CancelAsync();
        await dispatcher.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.Empty(acks);
        Assert.Empty(_transport.Published);
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached within 5 s");
    }
}
