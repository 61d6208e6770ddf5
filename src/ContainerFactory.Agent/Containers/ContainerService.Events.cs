using System.Collections.Concurrent;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Containers;
using TaskStatus = ContainerFactory.Runtime.Containerd.TaskStatus;

namespace ContainerFactory.Agent.Containers;

/// <content>
/// containerd's event stream: task exits and OOM kills, and what someone else (the local CLI) does to the managed
/// containers while the agent runs — creates, starts and deletes — so that the twin follows.
/// </content>
public sealed partial class ContainerService
{
    private readonly ConcurrentDictionary<string, bool> _oomKilled = new(StringComparer.Ordinal);

    /// <summary>
    /// Follows containerd's task exit, OOM and start events and its container create and delete events until
    /// cancelled, re-subscribing after a broken stream; after every (re)subscribe, exits missed meanwhile are found by
    /// reconciling with containerd.
    /// </summary>
    public async Task WatchEventsAsync(IEventService events, CancellationToken cancellationToken)
    {
        string ns = _runtime.Options.Namespace;
        string[] filters = [.. new[] { TaskEvents.ExitTopic, TaskEvents.OomTopic, TaskEvents.StartTopic, ContainerEvents.CreateTopic, ContainerEvents.DeleteTopic }
            .Select(topic => $"namespace=={ns},topic==\"{topic}\"")];
        while (!cancellationToken.IsCancellationRequested)
        {
            Task<RuntimeResult> subscription = events.SubscribeAsync(filters, OnEventAsync, cancellationToken);
            await ReconcileAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await ((Task)subscription).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            RuntimeResult ended = subscription.IsCompletedSuccessfully ? subscription.Result : RuntimeResult.Ok;
            if (!cancellationToken.IsCancellationRequested)
            {
                ContainerServiceLog.EventsInterrupted(_logger, ended.Error?.Message ?? "stream ended");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Brings every running view in line with containerd: a task that is gone or stopped has exited.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        RuntimeResult<IReadOnlyList<ContainerInfo>> listed = await _runtime.ListAsync(cancellationToken).ConfigureAwait(false);
        if (!listed.TryGetValue(out IReadOnlyList<ContainerInfo>? containers, out _))
        {
            return;
        }

        foreach (ContainerInfo info in containers)
        {
            if (Find(info.Id) is { State.Status: ContainerStatus.Running or ContainerStatus.Paused }
                && info.Task is null or { Status: TaskStatus.Stopped })
            {
                await OnExitAsync(info.Id, info.Task?.Pid ?? 0, info.Task?.ExitStatus ?? 0, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask OnEventAsync(ContainerdEvent e, CancellationToken cancellationToken)
    {
        if (TaskEvents.TryDecodeOom(e, out string? oomId))
        {
            _oomKilled[oomId] = true;
        }
        else if (TaskEvents.TryDecodeExit(e, out TaskExitEvent? exit) && exit.IsInit)
        {
            await OnExitAsync(exit.ContainerId, exit.Pid, exit.ExitStatus, cancellationToken).ConfigureAwait(false);
        }
        else if (_unread is null && TaskEvents.TryDecodeStart(e, out string? startedId, out uint pid))
        {
            await OnStartedElsewhereAsync(startedId, pid, cancellationToken).ConfigureAwait(false);
        }
        else if (_unread is null && ContainerEvents.TryDecodeCreate(e, out string? createdId))
        {
            await OnCreatedElsewhereAsync(createdId, cancellationToken).ConfigureAwait(false);
        }
        else if (ContainerEvents.TryDecodeDelete(e, out string? deletedId))
        {
            await OnDeletedElsewhereAsync(deletedId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A managed container created by someone else (e.g. <c>container-factory create</c>) joins the views and the twin.
    /// The agent's own creates hold the id's view already, so they are left alone.
    /// </summary>
    private Task OnCreatedElsewhereAsync(string id, CancellationToken cancellationToken) =>
        WithLockAsync(id, async () =>
        {
            if (Exists(id)
                || !(await _runtime.GetAsync(id, cancellationToken).ConfigureAwait(false)).TryGetValue(out ContainerInfo? info, out _)
                || info.Label(ContainerKeys.ManagedLabel) != "true" || ToView(info) is not { } view)
            {
                return 0;
            }

            _views[id] = view;
            ContainerServiceLog.AdoptedCreate(_logger, id);
            await PublishWholeAsync(view, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// A task started by someone else (e.g. <c>container-factory start</c>): the view becomes RUNNING with that process.
    /// The agent's own starts leave the view RUNNING with the same process before this is handled.
    /// </summary>
    private Task OnStartedElsewhereAsync(string id, uint pid, CancellationToken cancellationToken) =>
        WithLockAsync(id, async () =>
        {
            if (Find(id) is not { } view || view.State is { Status: ContainerStatus.Running or ContainerStatus.Paused } state && state.Pid == pid
                || !(await _runtime.GetAsync(id, cancellationToken).ConfigureAwait(false)).TryGetValue(out ContainerInfo? info, out _)
                || info.Task is not { Status: TaskStatus.Running } task || task.Pid != pid)
            {
                return 0;
            }

            await CancelRestartAsync(id, resetCount: false, cancellationToken).ConfigureAwait(false);

            RememberBridgeAddress(id);

            ContainerServiceLog.AdoptedStart(_logger, id, pid);
            ContainerState running = ContainerStates.From(info);
            await ReportAsync(view with { State = running }, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// A managed container deleted by someone else (e.g. <c>container-factory rm</c>) leaves the views and the twin. The
    /// agent's own removes have dropped the view before this is handled.
    /// </summary>
    private Task OnDeletedElsewhereAsync(string id, CancellationToken cancellationToken) =>
        WithLockAsync(id, async () =>
        {
            if (Find(id) is not { State.Status: not ContainerStatus.Creating } view)
            {
                return 0;
            }

            await CancelRestartAsync(id, resetCount: false, cancellationToken).ConfigureAwait(false);

            ContainerServiceLog.AdoptedDelete(_logger, id);
            await ForgetLockedAsync(view, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// A task exited on its own: clean the task and network, record the exit, report EXITED, apply the restart policy.
    /// <paramref name="pid"/> (0 when unknown) must be the process the view shows, and the task is looked up again
    /// under the lock: a late event or a stale listing must not end a container that has been restarted meanwhile.
    /// </summary>
    private Task OnExitAsync(string id, uint pid, uint exitStatus, CancellationToken cancellationToken) =>
        WithLockAsync(id, async () =>
        {
            // A stop command holds the lock while it runs and leaves the view STOPPED: its exit is not reported twice.
            if (Find(id) is not { State.Status: ContainerStatus.Running or ContainerStatus.Paused } view
                || (pid != 0 && view.State.Pid > 0 && pid != view.State.Pid))
            {
                return 0;
            }

            ContainerInfo? current = (await _runtime.GetAsync(id, cancellationToken).ConfigureAwait(false)).TryGetValue(out ContainerInfo? info, out _) ? info : null;
            if (current?.Task is { Status: TaskStatus.Running or TaskStatus.Paused or TaskStatus.Pausing } task && task.Pid != pid)
            {
                return 0; // restarted meanwhile
            }

            await _runtime.CleanupExitedAsync(id, cancellationToken).ConfigureAwait(false);
            bool oom = _oomKilled.TryRemove(id, out _);
            ContainerServiceLog.Exited(_logger, id, exitStatus, oom);
            if (current?.Label(ContainerKeys.ManuallyStoppedLabel) == "true")
            {
                // Stopped by hand elsewhere (the local CLI marks the stop before it ends the task): no restart.
                await EndedAsync(view, stoppedByHand: true, exitStatus, oom, cancellationToken).ConfigureAwait(false);
                return 0;
            }

            await RecordExitAndPlanAsync(view, exitStatus, oom, immediate: false, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
}
