using System.Security.Cryptography;
using System.Text;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Mqtt;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Hosting;

/// <summary>
/// Runs inbound commands (PRODUCT.md §2.5): each message is handed off at once so a long pull never holds up the
/// next one; commands for one container run in order; a duplicate correlation id gets the first reply; the QoS 1
/// acknowledgement is sent only after the reply is published, so an interrupted command is redelivered. Whenever the
/// last command in flight has finished, <c>settled</c> is called (the agent's <see cref="QuietTrim"/>).
/// </summary>
public sealed class CommandDispatcher(
    IMqttTransport transport,
    Func<InboundContext> context,
    Func<AgentCommand, CancellationToken, Task<CommandOutcome>> execute,
    ReplyCache replies,
    ILogger logger,
    Action? settled = null)
{
    private readonly Dictionary<string, Task> _lanes = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _inFlight = [];
    private readonly Lock _gate = new();

    /// <summary>Number of commands not finished yet.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>Reads <paramref name="message"/> and schedules it; returns at once.</summary>
    public void Enqueue(InboundMessage message, CancellationToken stopping)
    {
        switch (CommandReader.Read(message.Topic, message.Payload, context()))
        {
            case DroppedInbound dropped:
                HostLog.Dropped(logger, message.Topic, dropped.Reason);
                Track(message.AcknowledgeAsync(stopping));
                break;
            case RejectedInbound rejected:
                HostLog.Rejected(logger, rejected.Reply.CorrelationId, rejected.Error.Message);
                Track(ReplyAsync(rejected.Reply.Failure(rejected.Error), message, stopping));
                break;
            case AcceptedInbound accepted:
                Schedule(accepted.Command, message, stopping);
                break;
        }
    }

    /// <summary>Waits up to <paramref name="bound"/> for the commands in flight.</summary>
    public async Task DrainAsync(TimeSpan bound)
    {
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _inFlight];
        }

        if (pending.Length > 0)
        {
            HostLog.Draining(logger, (int)bound.TotalSeconds, pending.Length);
            await Task.WhenAny(Task.WhenAll(pending), Task.Delay(bound)).ConfigureAwait(false);
        }
    }

    private void Schedule(AgentCommand command, InboundMessage message, CancellationToken stopping)
    {
        string key = DuplicateKey(command.Reply.CorrelationId, message);
        (bool first, Task<OutboundMessage?> earlier) = replies.Begin(key);
        if (!first)
        {
            HostLog.Duplicate(logger, command.Reply.CorrelationId);
            Track(ReplyAgainAsync(earlier, message, stopping));
            return;
        }

        string lane = command is ContainerOperationCommand operation ? operation.ContainerId : key;
        lock (_gate)
        {
            Task previous = _lanes.TryGetValue(lane, out Task? tail) ? tail : Task.CompletedTask;
            Task run = RunAfterAsync(previous, command, message, key, stopping);
            _lanes[lane] = run;
            Track(run);
            _ = run.ContinueWith(
                done => RemoveLane(lane, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunAfterAsync(Task previous, AgentCommand command, InboundMessage message, string key, CancellationToken stopping)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        string correlationId = command.Reply.CorrelationId;
        CommandOutcome outcome;
        try
        {
            outcome = await execute(command, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Not acknowledged: the broker redelivers it to the next run of the agent.
            replies.Abandon(key);
            return;
        }
        catch (Exception e)
        {
            HostLog.CommandCrashed(logger, correlationId, e);
            outcome = CommandOutcome.Failed(new CommandError(CommandErrorKind.Failed, $"internal error: {e.Message}"));
        }

        OutboundMessage? reply = outcome.ToReply(command.Reply);
        replies.Complete(key, reply);
        await ReplyAsync(reply, message, stopping).ConfigureAwait(false);
    }

    /// <summary>
    /// A redelivery (QoS 1 duplicate, cloud retry) repeats the topic and the payload along with the correlation id;
    /// another command that happens to reuse a correlation id (every published example uses <c>&lt;UUID&gt;</c>) does not.
    /// </summary>
    private static string DuplicateKey(string correlationId, InboundMessage message)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(message.Topic));
        foreach (ReadOnlyMemory<byte> segment in message.Payload)
        {
            hash.AppendData(segment.Span);
        }

        return $"{correlationId}\n{Convert.ToHexString(hash.GetCurrentHash())}";
    }

    private async Task ReplyAgainAsync(Task<OutboundMessage?> earlier, InboundMessage message, CancellationToken stopping)
    {
        OutboundMessage? reply;
        try
        {
            reply = await earlier.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await ReplyAsync(reply, message, stopping).ConfigureAwait(false);
    }

    private async Task ReplyAsync(OutboundMessage? reply, InboundMessage message, CancellationToken stopping)
    {
        try
        {
            if (reply is not null)
            {
                await transport.PublishAsync(reply.Topic, reply.Payload, stopping).ConfigureAwait(false);
            }

            await message.AcknowledgeAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            HostLog.PublishFailed(logger, reply?.Topic ?? message.Topic, e.Message);
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _inFlight.Add(task);
        }

        _ = task.ContinueWith(
            done =>
            {
                bool last;
                lock (_gate)
                {
                    last = _inFlight.Remove(done) && _inFlight.Count == 0;
                }

                if (last)
                {
                    settled?.Invoke();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RemoveLane(string lane, Task finished)
    {
        lock (_gate)
        {
            if (_lanes.TryGetValue(lane, out Task? tail) && tail == finished)
            {
                _lanes.Remove(lane);
            }
        }
    }
}
