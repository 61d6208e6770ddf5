using System.Collections.Concurrent;
using System.Globalization;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Containers;
using TaskStatus = ContainerFactory.Runtime.Containerd.TaskStatus;

namespace ContainerFactory.Agent.Containers;

/// <content>Restart policies and recovery after an agent restart or a host reboot.</content>
public sealed partial class ContainerService
{
    private readonly ConcurrentDictionary<string, PendingRestart> _pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Brings containerd's containers back to what their policies say, from containerd alone (no cloud, no network):
    /// tasks that died are cleaned up, containers that were running when the host went down (their task is gone)
    /// count as exited, and those whose policy says so — and that were not stopped by hand — are started again, as are
    /// exited ones whose restart was still waiting out its backoff (or had failed) when the agent went down.
    /// Running tasks are left alone (they are re-attached through the event stream).
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        RuntimeResult<IReadOnlyList<ContainerInfo>> listed = await _runtime.ListAsync(cancellationToken).ConfigureAwait(false);
        if (!listed.TryGetValue(out IReadOnlyList<ContainerInfo>? containers, out _))
        {
            return;
        }

        var restarts = new List<Task>();
        foreach (ContainerInfo info in containers.Where(c => Exists(c.Id)))
        {
            bool died = info.Task is { Status: TaskStatus.Stopped };
            if (died || WasRunningBeforeReboot(info))
            {
                uint exitStatus = info.Task?.ExitStatus ?? 0;
                restarts.Add(WithLockAsync(info.Id, async () =>
                {
                    await _runtime.CleanupExitedAsync(info.Id, cancellationToken).ConfigureAwait(false);
                    await RecordExitAndPlanAsync(Find(info.Id)!, exitStatus, oomKilled: false, immediate: true, cancellationToken).ConfigureAwait(false);
                    return 0;
                }, cancellationToken));
            }
            else if (info.Task is null && Find(info.Id) is { State.Status: ContainerStatus.Exited } exited
                && RestartRules.ShouldRestart(exited.Config.RestartPolicy, exited.State.ExitCode, manuallyStopped: false, RestartCount(exited.Id)))
            {
                ScheduleRestart(exited.Id, TimeSpan.Zero);
            }
        }

        await Task.WhenAll(restarts).ConfigureAwait(false);
    }

    /// <summary>
    /// A container with no task that was started after its last end was running when the host went down. The times are
    /// compared as times: their text drops trailing zeros of the fraction, so it does not sort.
    /// </summary>
    internal static bool WasRunningBeforeReboot(ContainerInfo info)
    {
        if (info.Task is not null || LabelTime(info, ContainerKeys.StartedAtLabel) is not { } started)
        {
            return false;
        }

        return LabelTime(info, ContainerStates.FinishedAtLabel) is not { } finished || finished < started;
    }

    private static DateTimeOffset? LabelTime(ContainerInfo info, string label) => TwinJson.ParseTimestamp(info.Label(label));

    /// <summary>Records an exit (not a manual stop), then schedules the restart the policy asks for.</summary>
    private async Task RecordExitAndPlanAsync(ContainerView view, long exitCode, bool oomKilled, bool immediate, CancellationToken cancellationToken)
    {
        TimeSpan uptime = view.State.StartedAt is { } started ? _clock.GetUtcNow() - started : TimeSpan.Zero;
        await EndedAsync(view, stoppedByHand: false, exitCode, oomKilled, cancellationToken).ConfigureAwait(false);
        long restarts = RestartCount(view.Id);
        if (!RestartRules.ShouldRestart(view.Config.RestartPolicy, exitCode, manuallyStopped: false, restarts))
        {
            return;
        }

        TimeSpan? previous = _pending.TryGetValue(view.Id, out PendingRestart? last) ? last.Delay : null;
        TimeSpan delay = immediate ? TimeSpan.Zero : RestartRules.NextDelay(previous, uptime, view.Config.RestartPolicy);
        ScheduleRestart(view.Id, delay);
    }

    private void ScheduleRestart(string id, TimeSpan delay)
    {
        var pending = new PendingRestart(delay, new CancellationTokenSource());
        if (_pending.TryGetValue(id, out PendingRestart? earlier))
        {
            earlier.Cancel.Cancel();
        }

        _pending[id] = pending;
        _ = RestartLaterAsync(id, pending);
    }

    private async Task RestartLaterAsync(string id, PendingRestart pending)
    {
        try
        {
            await Task.Delay(pending.Delay, _clock, pending.Cancel.Token).ConfigureAwait(false);
            await WithLockAsync(id, async () =>
            {
                if (pending.Cancel.IsCancellationRequested || Find(id) is not { State.Status: ContainerStatus.Exited })
                {
                    return 0;
                }

                long restarts = RestartCount(id) + 1;
                await _runtime.SetLabelsAsync(
                    id,
                    new Dictionary<string, string> { [ContainerKeys.RestartCountLabel] = restarts.ToString(CultureInfo.InvariantCulture) },
                    pending.Cancel.Token).ConfigureAwait(false);
                _restartCounts[id] = restarts;
                if (await StartLockedAsync(id, pending.Cancel.Token).ConfigureAwait(false) is { Error: { } error })
                {
                    ContainerServiceLog.RestartFailed(_logger, id, error.Message);
                    RetryRestart(id, pending);
                }

                return 0;
            }, pending.Cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A stop, start or remove command took over, or the agent is stopping.
        }
    }

    /// <summary>
    /// A restart by policy that failed (containerd busy, a mount source missing for a while, …) is tried again with the
    /// same backoff as after an exit, for as long as the policy asks for it (an on-failure count includes the failed
    /// attempts): the container is never left exited for good because one start failed.
    /// </summary>
    private void RetryRestart(string id, PendingRestart failed)
    {
        if (!failed.Cancel.IsCancellationRequested && Find(id) is { State.Status: ContainerStatus.Exited } view
            && RestartRules.ShouldRestart(view.Config.RestartPolicy, view.State.ExitCode, manuallyStopped: false, RestartCount(id)))
        {
            ScheduleRestart(id, RestartRules.NextDelay(failed.Delay, TimeSpan.Zero, view.Config.RestartPolicy));
        }
    }

    /// <summary>Cancels a planned restart (manual stop, start, remove); <paramref name="resetCount"/> on a manual start.</summary>
    private async Task CancelRestartAsync(string id, bool resetCount, CancellationToken cancellationToken)
    {
        if (_pending.TryRemove(id, out PendingRestart? pending))
        {
            await pending.Cancel.CancelAsync().ConfigureAwait(false);
        }

        if (resetCount && RestartCount(id) != 0)
        {
            _restartCounts[id] = 0;
            await _runtime.SetLabelsAsync(id, new Dictionary<string, string> { [ContainerKeys.RestartCountLabel] = "0" }, cancellationToken).ConfigureAwait(false);
        }
    }

    private long RestartCount(string id) => _restartCounts.GetValueOrDefault(id);

    private readonly ConcurrentDictionary<string, long> _restartCounts = new(StringComparer.Ordinal);

    private sealed record PendingRestart(TimeSpan Delay, CancellationTokenSource Cancel);
}
