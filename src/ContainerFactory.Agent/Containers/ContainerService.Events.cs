using System.Collections.Concurrent;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Containers;
using TaskStatus = ContainerFactory.Runtime.Containerd.TaskStatus;

namespace ContainerFactory.Agent.Containers;

/// <content>Task exits and OOM kills from containerd's event stream.</content>
public sealed partial class ContainerService
{
    private readonly ConcurrentDictionary<string, bool> _oomKilled = new(StringComparer.Ordinal);

    /// <summary>
    /// Follows containerd's <c>/tasks/exit</c> and <c>/tasks/oom</c> events until cancelled, re-subscribing after a
    /// broken stream; after every (re)subscribe, exits missed meanwhile are found by reconciling with containerd.
    /// </summary>
    public async Task WatchEventsAsync(IEventService events, CancellationToken cancellationToken)
    {
        string ns = _runtime.Options.Namespace;
        string[] filters = [$"namespace=={ns},topic==\"/tasks/exit\"", $"namespace=={ns},topic==\"/tasks/oom\""];
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
    }

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
                || (pid != 0 && view.State.Pid > 0 && pid != view.State.Pid)
                || await RunsAnotherProcessAsync(id, pid, cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            await _runtime.CleanupExitedAsync(id, cancellationToken).ConfigureAwait(false);
            bool oom = _oomKilled.TryRemove(id, out _);
            ContainerServiceLog.Exited(_logger, id, exitStatus, oom);
            await RecordExitAndPlanAsync(view, exitStatus, oom, immediate: false, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <summary>True when the container now runs a process other than <paramref name="exitedPid"/> (it was restarted).</summary>
    private async Task<bool> RunsAnotherProcessAsync(string id, uint exitedPid, CancellationToken cancellationToken)
    {
        RuntimeResult<ContainerInfo> current = await _runtime.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return current.TryGetValue(out ContainerInfo? info, out _)
            && info.Task is { Status: TaskStatus.Running or TaskStatus.Paused or TaskStatus.Pausing } task
            && task.Pid != exitedPid;
    }
}
